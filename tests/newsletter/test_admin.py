"""The sender's screens: who may use them, previews, test sends, the send and its progress."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from core.roles import NEWSLETTER_SENDERS as SENDERS_GROUP
from newsletter.models import Dispatch, Subscriber
from tests.newsletter.test_sending import publish_with_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(client):
    user = User.objects.create_user("sender", "sender@xarxa.example.org", "pw")
    user.groups.add(Group.objects.get(name=SENDERS_GROUP))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", "editor@xarxa.example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def send_url(issue):
    return f"/admin/newsletter/issues/{issue.pk}/send/"


def test_editors_without_the_group_cannot_send_or_see_readers(client, editor, draft_issue):
    for url in (
        "/admin/newsletter/issues/",
        send_url(draft_issue),
        f"/admin/newsletter/issues/{draft_issue.pk}/preview/en/",
        "/admin/subscribers/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    response = client.post(send_url(draft_issue), {"action": "send", "confirm": "on"})
    assert response.status_code in (302, 403)
    assert not Dispatch.objects.filter(issue=draft_issue).exists()


def test_a_sender_sees_readers_per_language_and_the_missing_translations(
    client, sender, draft_issue
):
    draft_issue.save_revision().publish()
    page = client.get(send_url(draft_issue))
    assert page.status_code == 200
    html = page.content.decode()
    assert "This issue will go to 8 readers" in html  # only English is published
    assert "These readers' languages have no published translation" in html
    assert client.get("/admin/newsletter/issues/").status_code == 200
    assert client.get("/admin/subscribers/").status_code == 200


def test_previews_in_each_language(client, sender, draft_issue):
    issue = publish_with_translations(draft_issue)
    for language, word in (("en", "Unsubscribe"), ("pt", "Cancelar"), ("ca", "baixa")):
        response = client.get(f"/admin/newsletter/issues/{issue.pk}/preview/{language}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'lang="{language}"' in html and word in html
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_test_goes_to_the_addresses_given_and_no_reader(
    client, sender, draft_issue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            send_url(draft_issue),
            {"action": "test", "addresses": "a@example.org, b@example.org", "language": "en"},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all(m.subject.startswith("[Test] ") for m in mail.outbox)
    assert not Dispatch.objects.exists() or not Dispatch.objects.filter(issue=draft_issue).exists()
    refused = client.post(
        send_url(draft_issue),
        {"action": "test", "addresses": "a@example.org, nope", "language": "en"},
    )
    assert "These are not email addresses: nope." in refused.content.decode()


def test_sending_asks_for_confirmation_then_goes(
    client, sender, draft_issue, django_capture_on_commit_callbacks
):
    issue = publish_with_translations(draft_issue)
    unconfirmed = client.post(send_url(issue), {"action": "send"})
    assert "Tick the box to confirm the send." in unconfirmed.content.decode()
    assert not Dispatch.objects.filter(issue=issue).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(issue), {"action": "send", "confirm": "on"})
    assert response.status_code == 302
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == "sent" and dispatch.requested_by == sender
    page = client.get(send_url(issue)).content.decode()
    total = dispatch.total
    assert f"{total} sent out of {total}" in page


def test_the_gate_in_the_admin_and_the_explicit_fallback(
    client, sender, draft_issue, django_capture_on_commit_callbacks
):
    draft_issue.save_revision().publish()
    refused = client.post(send_url(draft_issue), {"action": "send", "confirm": "on"})
    assert "have no published translation" in refused.content.decode()
    assert not Dispatch.objects.filter(issue=draft_issue).exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(draft_issue), {"action": "send", "confirm": "on", "fallback": "on"})
    assert Dispatch.objects.get(issue=draft_issue).status == "sent"
    readers = {m for message in mail.outbox for m in message.to}
    assert Subscriber.objects.filter(email__in=readers, language="pt").exists()


def test_scheduling_for_later_and_cancelling(client, sender, draft_issue):
    issue = publish_with_translations(draft_issue)
    past = timezone.localtime() - datetime.timedelta(hours=1)
    refused = client.post(
        send_url(issue),
        {"action": "send", "confirm": "on", "send_at": past.strftime("%Y-%m-%dT%H:%M")},
    )
    assert "Choose a time in the future" in refused.content.decode()
    later = timezone.localtime() + datetime.timedelta(days=1)
    client.post(
        send_url(issue),
        {"action": "send", "confirm": "on", "send_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == "scheduled" and not mail.outbox
    client.post(send_url(issue), {"action": "cancel"})
    dispatch.refresh_from_db()
    assert dispatch.status == "cancelled"
