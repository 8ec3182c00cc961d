"""Double opt-in, the preference centre, one-click unsubscribe, a reader's data."""

import time

import pytest
from django.core import mail
from django.test import Client
from django.utils.crypto import salted_hmac

from newsletter.domain import links, subscriptions
from newsletter.models import Consent, Subscriber
from tests.newsletter.conftest import link_in, subscriber

pytestmark = pytest.mark.django_db


def confirm_link():
    return link_in(mail.outbox[-1].body, "confirm")


def test_subscribing_in_portuguese_asks_for_confirmation_first(subscribe):
    response = subscribe()
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    reader = subscriber("leitora@exemplo.pt")
    assert reader.status == "pending" and reader.language == "pt"
    assert [t.name for t in reader.topics.all()] == ["Network news"]
    (email,) = mail.outbox
    assert email.to == ["leitora@exemplo.pt"]
    assert email.subject == "Confirme a sua subscrição do boletim"
    assert "sete dias" in email.body
    (consent,) = reader.consents.all()
    assert consent.action == "subscribed" and consent.form == "subscribe form"
    assert consent.version == subscriptions.CONSENT_VERSION
    assert consent.language == "pt" and "boletim" in consent.text
    assert consent.ip_address == "127.0.0.1" and consent.given_at is not None


def test_confirming_takes_a_press_of_the_button(
    client, subscribe, django_capture_on_commit_callbacks
):
    subscribe()
    link = confirm_link()
    page = client.get(link)
    assert page.status_code == 200 and "Confirmar a minha subscrição" in page.content.decode()
    # A mail scanner that opens the link confirms nothing.
    assert subscriber("leitora@exemplo.pt").status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302 and "/pt/newsletter/preferences/" in response["Location"]
    reader = subscriber("leitora@exemplo.pt")
    assert reader.status == "confirmed" and reader.confirmed_at
    assert mail.outbox[-1].subject == "Boas-vindas ao boletim"
    assert client.post(link).status_code == 302  # a second press changes nothing
    assert reader.consents.filter(action="confirmed").count() == 1


def test_the_reply_never_tells_whether_an_address_was_known(client, subscribe):
    first = subscribe(email="nova@exemplo.pt")
    subscriber("nova@exemplo.pt")
    known = Subscriber.objects.filter(status="confirmed").first()
    again = subscribe(email=known.email.upper(), language="pt")
    # The same redirect to the same "check your inbox" page, whatever the address.
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert first.content == again.content
    # Only the owner of the known address learns that it was known.
    assert mail.outbox[-1].to == [known.email]
    assert mail.outbox[-1].subject != mail.outbox[0].subject


def test_a_known_reader_keeps_their_topics_when_someone_types_their_address(subscribe, topic):
    known = Subscriber.objects.filter(status="confirmed", language="en").first()
    before = set(known.topics.values_list("pk", flat=True))
    subscribe(
        email=known.email, language="en", topics=("Best Practice in Citizen Participation award",)
    )
    assert set(known.topics.values_list("pk", flat=True)) == before
    assert mail.outbox[-1].subject == "You already receive the newsletter"


def test_the_confirmation_link_expires_after_seven_days(client, subscribe, monkeypatch):
    subscribe()
    link = confirm_link()
    eight_days = time.time() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days)
    response = client.get(link)
    assert response.status_code == 404
    assert "sete dias" in response.content.decode()
    assert client.post(link).status_code == 404
    assert subscriber("leitora@exemplo.pt").status == "pending"


@pytest.mark.parametrize("route", ["confirm", "preferences", "unsubscribe"])
def test_a_tampered_link_gives_a_clear_404(client, subscribe, route):
    subscribe()
    reader = subscriber("leitora@exemplo.pt")
    token = (
        links.confirmation_token(reader) if route == "confirm" else links.subscriber_token(reader)
    )
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = client.get(f"/pt/newsletter/{route}/{tampered}/")
    assert response.status_code == 404
    assert "Esta ligação não funciona" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_links_in_issues_sent_before_still_work(client, subscribe):
    """Links are HMACs under SECRET_KEY as django.utils.crypto.salted_hmac made them: how
    they are computed may change, the links readers already hold may not."""
    subscribe()
    reader = subscriber("leitora@exemplo.pt")
    mac = salted_hmac("newsletter.subscriber", f"{reader.pk}:{reader.key}").hexdigest()[:32]
    assert links.subscriber_token(reader) == f"{reader.pk}-{mac}"
    response = client.get(f"/pt/newsletter/preferences/{reader.pk}-{mac}/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"email": "not-an-address"}, "email", "Write a whole email address"),
        ({"email": ""}, "email", "Write your email address"),
        ({"email": "a@b.org\nBcc: x@y.org"}, "email", "Write a whole email address"),
        ({"topics": []}, "topics", "Choose at least one topic."),
        ({"consent": None}, "consent", "Tick the box to agree"),
        ({"website": "http://spam.example"}, None, "Leave this field empty"),
        ({"language": "xx"}, "language", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(subscribe, changes, field, message):
    changes = {"email": "bad@example.org", "language": "en", **changes}
    response = subscribe(page="en", **changes)
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors[field] if field else form.non_field_errors()
    assert any(message in error for error in errors), errors
    assert not Subscriber.objects.filter(status="pending").exists()
    assert not mail.outbox


@pytest.mark.cache
def test_subscribing_is_rate_limited(subscribe, settings):
    settings.XARXA_RATE_LIMIT_PER_EMAIL = (2, 3600)
    for _ in range(2):
        assert subscribe(email="same@example.org").status_code == 302
    response = subscribe(email="same@example.org")
    assert response.status_code == 429
    assert "Tente novamente daqui a" in response.content.decode()
    assert len(mail.outbox) == 2


def confirmed_reader(subscribe, client, email="leitora@exemplo.pt"):
    subscribe(email=email)
    client.post(confirm_link())
    return subscriber(email)


def test_the_preference_centre_changes_language_and_topics(client, subscribe, topic):
    reader = confirmed_reader(subscribe, client)
    url = subscriptions.preferences_url(reader).removeprefix("http://testserver")
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    response = client.post(
        url,
        {
            "language": "es",
            "topics": [topic("The Cascais conference", "pt").pk, topic("Network news", "pt").pk],
        },
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.language == "es"
    assert sorted(t.name for t in reader.topics.all()) == ["Network news", "The Cascais conference"]
    assert reader.consents.filter(action="changed").exists()
    refused = client.post(url, {"language": "es", "topics": []})
    assert refused.status_code == 200 and "Escolha pelo menos um tema" in refused.content.decode()


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token_and_is_harmless_twice(
    client, subscribe
):
    reader = confirmed_reader(subscribe, client)
    url = subscriptions.unsubscribe_url(reader).removeprefix("http://testserver")
    mail_client = Client(enforce_csrf_checks=True)
    # A link scanner's GET shows a button and changes nothing.
    shown = mail_client.get(url)
    assert shown.status_code == 200 and '<form method="post">' in shown.content.decode()
    assert subscriber(reader.email).status == "confirmed"
    body = {"List-Unsubscribe": "One-Click"}
    assert mail_client.post(url, body).status_code == 200
    assert subscriber(reader.email).status == "unsubscribed"
    assert mail_client.post(url, body).status_code == 200
    assert Consent.objects.filter(subscriber=reader, action="unsubscribed").count() == 1


def test_a_reader_downloads_and_erases_their_data(client, subscribe):
    reader = confirmed_reader(subscribe, client)
    url = subscriptions.preferences_url(reader).removeprefix("http://testserver")
    data = client.get(f"{url}data.json")
    assert data["Content-Disposition"].startswith("attachment")
    exported = data.json()
    assert exported["email"] == reader.email and exported["status"] == "confirmed"
    assert [c["action"] for c in exported["consents"]] == ["subscribed", "confirmed"]
    assert exported["consents"][0]["ip_address"] == "127.0.0.1"
    not_sure = client.post(url, {"action": "erase"})
    assert not_sure.status_code == 302 and Subscriber.objects.filter(pk=reader.pk).exists()
    erased = client.post(url, {"action": "erase", "sure": "1"})
    assert erased.status_code == 200
    assert not Subscriber.objects.filter(pk=reader.pk).exists()
    assert not Consent.objects.filter(subscriber_id=reader.pk).exists()
    assert client.get(url).status_code == 404


def test_a_working_group_page_offers_its_newsletter_topic(client, topic):
    from workgroups.models import WorkingGroupPage

    group = WorkingGroupPage.objects.get(locale__language_code="ca", slug="observatoris-locals")
    html = client.get(group.url).content.decode()
    wanted = topic("Local observatories working group", "ca")
    link = f"/ca/newsletter/subscribe/?topic={wanted.pk}"
    assert f'href="{link}"' in html and "Seguiu aquest grup al butlletí" in html
    form = client.get(link).context["form"]
    assert form["topics"].value() == [wanted.pk]


@pytest.mark.parametrize(
    "path",
    [
        "/en/newsletter/unsubscribe/%C2%B2-0123456789abcdef0123456789abcdef/",
        "/en/newsletter/preferences/%C2%B2-0123456789abcdef0123456789abcdef/",
        "/en/newsletter/preferences/%C2%B2-0123456789abcdef0123456789abcdef/data.json",
        "/en/newsletter/preferences/99999999999999999999-0123456789abcdef0123456789abcdef/",
        "/en/newsletter/confirm/not.a.signed.value/",
    ],
)
def test_odd_tokens_are_a_404_not_an_error(client, path):
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_an_odd_topic_in_the_subscribe_link_is_ignored(client):
    for topic in ("%C2%B2", "99999999999999999999", "x"):
        assert client.get(f"/en/newsletter/subscribe/?topic={topic}").status_code == 200


def test_an_address_that_complained_gets_no_more_email(subscribe):
    reader = Subscriber.objects.filter(status="confirmed").first()
    Subscriber.objects.filter(pk=reader.pk).update(status="complained")
    response = subscribe(email=reader.email)
    assert response.status_code == 302 and not mail.outbox
    reader.refresh_from_db()
    assert reader.status == "complained"


def test_saving_preferences_keeps_topics_this_language_does_not_show(client, subscribe, topic):
    from wagtail.models import Locale

    from newsletter.models import Topic

    reader = confirmed_reader(subscribe, client)
    english_only = Topic.objects.create(name="Regional office news", locale=Locale.get_default())
    reader.topics.add(english_only)
    url = subscriptions.preferences_url(reader).removeprefix("http://testserver")
    client.post(url, {"language": "pt", "topics": [topic("Network news", "pt").pk]})
    assert english_only in reader.topics.all()


def test_every_consent_a_reader_gives_names_the_privacy_notice(client, subscribe, topic):
    """Before the fix only the sign-up row had the notice's version: the confirmation
    and the preference-centre rows said nothing of the notice they were given under."""
    from core.domain.privacy import current_notice

    version = current_notice("pt").version
    reader = confirmed_reader(subscribe, client)
    url = subscriptions.preferences_url(reader).removeprefix("http://testserver")
    client.post(url, {"language": "pt", "topics": [topic("Network news", "pt").pk]})
    rows = {row.action: row.privacy_version for row in reader.consents.all()}
    assert rows == {"subscribed": version, "confirmed": version, "changed": version}


def test_without_a_privacy_notice_nobody_can_sign_up(client, subscribe):
    """Before the fix the form was offered and the sign-up went through, recording an
    empty privacy-notice version, while registration and joining stay closed."""
    from core.models import PrivacyNotice

    PrivacyNotice.objects.all().delete()
    page = client.get("/en/newsletter/subscribe/").content.decode()
    assert "Sign-up opens once the network has published its privacy notice." in page
    assert 'name="email"' not in page
    response = subscribe()
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="leitora@exemplo.pt").exists()
    assert mail.outbox == []
