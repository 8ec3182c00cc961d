"""Joining, approving and declining, and the member's own page."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from workgroups.models import Membership, WorkingGroupPage

pytestmark = pytest.mark.django_db


def spanish(group):
    return WorkingGroupPage.objects.get(
        translation_key=group.translation_key, locale__language_code="es"
    )


def join_data(**changes):
    data = {
        "name": "Rosa Martínez",
        "email": "rosa.martinez@example.org",
        "organisation": "",
        "organisation_name": "Ayuntamiento de Córdoba",
        "language": "es",
        "motivation": "Córdoba tuvo un observatorio local entre 2005 y 2007.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_join_approve_and_the_welcome_in_spanish(
    client, observatories, django_capture_on_commit_callbacks
):
    page = spanish(observatories)
    assert client.get(f"{page.url}join/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{page.url}join/", join_data())
    assert response.status_code == 302
    membership = Membership.objects.get(email="rosa.martinez@example.org")
    assert membership.status == "requested" and membership.group_id == observatories.pk
    (received,) = mail.outbox
    assert "solicitud" in received.subject.lower()

    editor = User.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert "Rosa Martínez" in client.get("/admin/memberships/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/memberships/decide/{membership.pk}/", {"decision": "approve"})
    membership.refresh_from_db()
    assert membership.status == "active" and membership.decided_by == editor
    welcome = mail.outbox[-1]
    assert welcome.subject.startswith("Bienvenida") or "Bienvenid" in welcome.subject
    member_url = re.search(r"https?://testserver(\S+/member/[\w\-]+/)\n", welcome.body).group(1)
    client.logout()
    member_page = client.get(member_url)
    assert member_page.status_code == 200
    assert member_page["Cache-Control"] == "private, no-store"
    assert "https://meet.example.org/oidp-observatoris" in member_page.content.decode()


def test_declined_applicants_are_told_in_their_language(
    observatories, django_capture_on_commit_callbacks
):
    from workgroups.domain import membership as domain

    with django_capture_on_commit_callbacks(execute=True):
        membership = domain.request_to_join(
            observatories,
            {
                "name": "Jean Dupont",
                "email": "jean@example.org",
                "organisation": None,
                "organisation_name": "Ville de Nantes",
                "language": "fr",
                "motivation": "",
                "show_on_page": False,
            },
            privacy_version="2027-1",
        )
        domain.decline(membership)
    assert Membership.objects.get(pk=membership.pk).status == "declined"
    declined = mail.outbox[-1]
    assert declined.to == ["jean@example.org"]
    assert "demande" in declined.subject.lower()


BAD_INPUT = {
    "missing consent": ({"consent": None}, "consent"),
    "invalid email": ({"email": "rosa@"}, "email"),
    "10 KB name": ({"name": "R" * 10240}, "name"),
    "control characters": ({"name": "Rosa\x07"}, "name"),
    "unknown organisation": ({"organisation": "99999", "organisation_name": ""}, "organisation"),
    "no motivation": ({"motivation": ""}, "motivation"),
    "unknown language": ({"language": "xx"}, "language"),
    "honeypot": ({"website": "spam"}, None),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_input_on_the_join_form(client, observatories, case):
    changes, field = BAD_INPUT[case]
    before = Membership.objects.count()
    response = client.post(f"{observatories.url}join/", join_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors.get(field) if field else form.non_field_errors()
    assert "Your request was not sent" in response.content.decode()
    assert Membership.objects.count() == before


def test_asking_to_join_without_an_organisation(client, observatories):
    """The organisation fields say "(optional)"; before the fix the form refused to go
    without one, as the registration form did (they share PersonForm)."""
    response = client.post(f"{observatories.url}join/", join_data(organisation_name=""))
    assert response.status_code == 302
    membership = Membership.objects.get(email="rosa.martinez@example.org")
    assert membership.organisation is None and membership.organisation_label == ""


def test_asking_twice_is_answered_kindly(client, observatories):
    assert client.post(f"{observatories.url}join/", join_data()).status_code == 302
    again = client.post(f"{observatories.url}join/", join_data())
    assert "already asked to join" in again.content.decode()
    assert Membership.objects.filter(email="rosa.martinez@example.org").count() == 1


def test_the_member_changes_language_resets_the_feed_and_leaves(client, observatories, member):
    membership, manage, feed = member()
    url = f"{observatories.url}member/{manage}/"
    assert client.get(f"{observatories.url}member/{feed}/calendar.ics").status_code == 200
    client.post(url, {"action": "language", "language": "ca"})
    membership.refresh_from_db()
    assert membership.language == "ca"
    client.post(url, {"action": "reset_feed"})
    assert client.get(f"{observatories.url}member/{feed}/calendar.ics").status_code == 404
    client.post(url, {"action": "leave", "confirmed": "1"})
    assert client.get(url).status_code == 404
    assert Membership.objects.get(pk=membership.pk).status == "left"


def test_leaving_asks_first(client, observatories, member):
    """Before, one tap on "Leave the group" ended the membership."""
    membership, manage, _feed = member()
    url = f"{observatories.url}member/{manage}/"
    page = client.get(url).content.decode()
    assert '<button type="submit" name="confirm" value="leave"' in page
    asked = client.get(f"{url}?confirm=leave")
    assert asked.status_code == 200
    assert asked["Cache-Control"] == "private, no-store"
    text = asked.content.decode()
    assert f"Leave “{observatories.title}”?" in text
    assert "you would need to ask to join again" in text
    assert "Yes, leave the group" in text
    assert f'<a href="{url}" class="button button--secondary">No, stay in the group</a>' in text
    unasked = client.post(url, {"action": "leave"})
    assert unasked.status_code == 200
    assert "Yes, leave the group" in unasked.content.decode()
    assert unasked["Cache-Control"] == "private, no-store"
    assert Membership.objects.get(pk=membership.pk).status == "active"
    left = client.post(url, {"action": "leave", "confirmed": "1"})
    assert "You have left the group" in left.content.decode()
    assert Membership.objects.get(pk=membership.pk).status == "left"


def test_leaving_asks_in_the_page_language(client, observatories, member):
    _membership, manage, _feed = member()
    url = f"{spanish(observatories).url}member/{manage}/"
    assert url.startswith("/es/")
    asked = client.get(f"{url}?confirm=leave").content.decode()
    assert '<html lang="es">' in asked
    assert f'<a href="{url}"' in asked


@pytest.mark.parametrize("token", ["x", "A" * 44])
def test_a_bad_member_link_says_what_to_do(client, observatories, token):
    response = client.get(f"{observatories.url}member/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
