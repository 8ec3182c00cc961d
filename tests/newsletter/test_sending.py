"""Sending an issue: the gate, the ledger, batches with merge headers, retries, resuming."""

import datetime
from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from newsletter.domain import rendering, scheduling, sending, subscriptions
from newsletter.models import Delivery, Dispatch, NewsletterIssuePage, Subscriber
from tests.newsletter import esp

pytestmark = pytest.mark.django_db

SUBJECTS = {
    "ca": "Camí de Cascais",
    "es": "Camino de Cascais",
    "fr": "En route pour Cascais",
    "pt": "A caminho de Cascais",
}


def publish_with_translations(issue, languages=("ca", "es", "fr", "pt")):
    issue.save_revision().publish()
    issue.refresh_from_db()
    for language in languages:
        translation = issue.copy_for_translation(Locale.objects.get(language_code=language))
        translation.subject = SUBJECTS[language]
        translation.save_revision().publish()
    return issue


def readers_of(issue):
    return list(sending.recipients(issue).order_by("pk"))


def recipients_in_outbox():
    return Counter(address for message in mail.outbox for address in message.to)


def send(issue, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        return scheduling.schedule(issue, **options)


def test_an_issue_goes_out_in_batches_once_per_language(
    draft_issue, settings, django_capture_on_commit_callbacks
):
    settings.XARXA_NEWSLETTER_BATCH = 3
    issue = publish_with_translations(draft_issue)
    readers = readers_of(issue)
    languages = Counter(reader.language for reader in readers)
    assert set(languages) == {"en", "ca", "es", "fr", "pt"}
    renders = rendering.stats["renders"]

    dispatch = send(issue, django_capture_on_commit_callbacks)

    assert rendering.stats["renders"] - renders == 5
    assert recipients_in_outbox() == Counter(reader.email for reader in readers)
    for message in mail.outbox:
        assert len(message.to) <= 3
        assert message.anymail_test_params["is_batch_send"]
        assert len({Subscriber.objects.get(email=to).language for to in message.to}) == 1
    assert len(mail.outbox) == sum(-(-count // 3) for count in languages.values())
    dispatch.refresh_from_db()
    assert dispatch.status == "sent" and dispatch.total == len(readers)
    assert set(Delivery.objects.filter(dispatch=dispatch).values_list("status", flat=True)) == {
        "sent"
    }


def test_each_recipient_gets_their_own_unsubscribe_headers_and_links(
    draft_issue, django_capture_on_commit_callbacks
):
    issue = publish_with_translations(draft_issue)
    send(issue, django_capture_on_commit_callbacks)
    reader = Subscriber.objects.filter(language="pt", status="confirmed").first()
    (message,) = [m for m in mail.outbox if reader.email in m.to]
    headers = message.merge_headers[reader.email]
    unsubscribe = subscriptions.unsubscribe_url(reader)
    assert headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Id"].startswith("<newsletter.")
    # Both parts, in Portuguese, personalised as the ESP will do it with the merge data.
    assert message.subject == "A caminho de Cascais"
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html" and 'lang="pt"' in html
    values = message.merge_data[reader.email]
    assert values["unsubscribe_url"] == unsubscribe
    assert values["preferences_url"] == subscriptions.preferences_url(reader)
    personal_html = rendering.personalise(html, values)
    personal_text = rendering.personalise(message.body, values)
    assert unsubscribe in personal_html and unsubscribe in personal_text
    assert "{{" not in personal_html and "{{" not in personal_text
    assert "Ver no navegador" in personal_html
    # Every link is absolute, and CSS is inlined for Outlook and Gmail.
    assert 'href="/' not in html and 'src="/' not in html
    assert 'style="' in html and "<table" in html
    other = next(to for to in message.to if to != reader.email) if len(message.to) > 1 else None
    if other:
        assert message.merge_data[other]["unsubscribe_url"] != unsubscribe


def test_only_confirmed_readers_receive_an_issue(draft_issue, django_capture_on_commit_callbacks):
    issue = publish_with_translations(draft_issue)
    pending = Subscriber.objects.create(email="pending@example.org", language="en", key="k1")
    gone = Subscriber.objects.create(
        email="gone@example.org", language="en", key="k2", status="unsubscribed"
    )
    for reader in (pending, gone):
        reader.topics.set(issue.topics.all())
    send(issue, django_capture_on_commit_callbacks)
    sent_to = recipients_in_outbox()
    assert "pending@example.org" not in sent_to and "gone@example.org" not in sent_to


def test_a_reader_who_unsubscribes_before_their_batch_is_suppressed(draft_issue):
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    now = timezone.now()
    sending._start(dispatch.pk, now)
    leaving = Delivery.objects.filter(dispatch=dispatch).first().subscriber
    subscriptions.unsubscribe(leaving)
    sending.run(dispatch.pk)
    assert Delivery.objects.get(dispatch=dispatch, subscriber=leaving).status == "suppressed"
    assert leaving.email not in recipients_in_outbox()


def test_the_ledger_allows_one_delivery_per_reader_and_issue(draft_issue):
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    sending.run(dispatch.pk)
    row = Delivery.objects.filter(dispatch=dispatch).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            dispatch=dispatch, subscriber=row.subscriber, email=row.email, language="en"
        )


def test_the_ledger_gives_each_reader_their_language_or_a_held_back_row(draft_issue):
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    # French is unpublished after Send, before a worker writes the ledger.
    NewsletterIssuePage.objects.get(
        translation_key=issue.translation_key, locale__language_code="fr"
    ).unpublish()
    sending._start(dispatch.pk, timezone.now())
    rows = {
        row.subscriber_id: row for row in Delivery.objects.filter(dispatch=dispatch).order_by("pk")
    }
    readers = readers_of(issue)
    assert list(rows) == [reader.pk for reader in readers]
    assert Dispatch.objects.get(pk=dispatch.pk).total == len(readers)
    for reader in readers:
        row = rows[reader.pk]
        assert row.email == reader.email and row.attempts == 0 and row.esp_message_id == ""
        assert row.language == reader.language
        if reader.language == "fr":
            assert (row.status, row.error) == ("suppressed", "no published translation")
        else:
            assert (row.status, row.error) == ("queued", "")


def test_the_translation_gate_stops_a_send_until_the_editor_chooses(
    draft_issue, django_capture_on_commit_callbacks
):
    draft_issue.save_revision().publish()
    issue = NewsletterIssuePage.objects.get(pk=draft_issue.pk)
    with pytest.raises(scheduling.Refusal) as refused:
        scheduling.schedule(issue)
    assert "Català" in refused.value.message and "Português" in refused.value.message
    assert not Dispatch.objects.filter(issue=issue).exists()

    dispatch = send(issue, django_capture_on_commit_callbacks, fallback=True)
    assert sorted(dispatch.fallback_languages) == ["ca", "es", "fr", "pt"]
    assert recipients_in_outbox() == Counter(reader.email for reader in readers_of(issue))
    assert {message.subject for message in mail.outbox} == {issue.subject}


def test_a_draft_cannot_be_sent(draft_issue):
    with pytest.raises(scheduling.Refusal):
        scheduling.schedule(draft_issue)


def test_an_issue_is_sent_once(draft_issue, django_capture_on_commit_callbacks):
    issue = publish_with_translations(draft_issue)
    dispatch = send(issue, django_capture_on_commit_callbacks)
    sent = len(mail.outbox)
    with pytest.raises(scheduling.Refusal):
        scheduling.schedule(issue)
    sending.run(dispatch.pk)
    assert len(mail.outbox) == sent


def test_a_send_resumes_after_a_worker_died_holding_a_batch(draft_issue, settings):
    settings.XARXA_NEWSLETTER_BATCH = 4
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    now = timezone.now()
    sending._start(dispatch.pk, now)
    # A worker claims a batch, then dies before the ESP call returns.
    abandoned = sending._claim(dispatch, 4, now)
    assert len(abandoned) == 4
    # Another run within the lease leaves that batch alone and sends the rest.
    sending.run(dispatch.pk, now=now + datetime.timedelta(seconds=1))
    assert not set(r.email for r in abandoned) & set(recipients_in_outbox())
    # Once the lease is over, the abandoned batch goes out too, and no one gets two.
    later = now + datetime.timedelta(seconds=settings.XARXA_NEWSLETTER_LEASE + 1)
    sending.run(dispatch.pk, now=later)
    assert recipients_in_outbox() == Counter(reader.email for reader in readers_of(issue))
    dispatch.refresh_from_db()
    assert dispatch.status == "sent"


def test_an_esp_outage_keeps_deliveries_queued_and_resumes_with_backoff(draft_issue, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    esp.failures[:] = [503, 429]
    now = timezone.now()
    retry_at = sending.run(dispatch.pk, now=now)
    assert retry_at == now + sending.FIRST_BACKOFF
    assert not mail.outbox
    waiting = Delivery.objects.filter(dispatch=dispatch, status="queued")
    assert waiting.count() == dispatch.deliveries.count()
    assert "503" in waiting.exclude(error="").first().error
    # Too early: nothing is tried.
    assert sending.run(dispatch.pk, now=now + datetime.timedelta(seconds=5)) is None
    assert esp.failures == [429]
    # The second try fails too, and waits twice as long.
    second = sending.run(dispatch.pk, now=retry_at)
    assert second == retry_at + 2 * sending.FIRST_BACKOFF
    sending.run(dispatch.pk, now=second)
    assert recipients_in_outbox() == Counter(reader.email for reader in readers_of(issue))
    assert Dispatch.objects.get(pk=dispatch.pk).status == "sent"


def test_a_permanent_esp_refusal_is_recorded_not_retried(draft_issue, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    settings.XARXA_NEWSLETTER_BATCH = 1000
    draft_issue.save_revision().publish()
    dispatch = scheduling.schedule(draft_issue, fallback=True)
    esp.failures[:] = [400]
    assert sending.run(dispatch.pk) is None
    statuses = set(Delivery.objects.filter(dispatch=dispatch).values_list("status", flat=True))
    assert statuses == {"failed"}
    assert Dispatch.objects.get(pk=dispatch.pk).status == "sent"


def test_a_scheduled_issue_waits_for_its_time(draft_issue, django_capture_on_commit_callbacks):
    issue = publish_with_translations(draft_issue)
    when = timezone.now() + datetime.timedelta(hours=2)
    dispatch = send(issue, django_capture_on_commit_callbacks, when=when)
    assert dispatch.status == "scheduled" and not mail.outbox
    call_command("send_newsletter", "--due")
    assert not mail.outbox
    Dispatch.objects.filter(pk=dispatch.pk).update(scheduled_for=timezone.now())
    call_command("send_newsletter", "--due")
    assert recipients_in_outbox() == Counter(reader.email for reader in readers_of(issue))


def test_send_newsletter_shows_progress(draft_issue, capsys):
    issue = publish_with_translations(draft_issue)
    call_command("send_newsletter", str(issue.pk))
    out = capsys.readouterr().out
    total = len(readers_of(issue))
    assert f"{total}/{total}" in out and f"{total} sent" in out


def test_a_subject_with_a_newline_is_refused(draft_issue):
    draft_issue.subject = "Cascais\nBcc: everyone@example.org"
    with pytest.raises(ValidationError) as refused:
        draft_issue.full_clean()
    assert "one line" in str(refused.value.message_dict["subject"])


def test_published_since_the_last_issue_is_filled_in_from_the_topics(draft_issue):
    (block,) = [
        b
        for b in draft_issue.get_latest_revision_as_object().body
        if b.block_type == "published_since"
    ]
    titles = [item["page"].title for item in block.value["items"]]
    assert "Members validate the 2013 work plan in Cascais" in titles  # news
    assert "Study visit: residents caring for the coastline" in titles  # the conference
    assert "Monthly online meeting" in titles  # the observatories group
    # Nothing from the participatory budgeting group, which is not one of its topics.
    assert "First meeting: comparing the rules" not in titles


def test_an_answer_that_may_follow_acceptance_is_not_resent(draft_issue, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    esp.failures[:] = [502]
    assert sending.run(dispatch.pk) is None
    failed = Delivery.objects.filter(dispatch=dispatch, status="failed")
    # The first batch (the English readers) met the 502; it is not tried again.
    assert set(failed.values_list("language", flat=True)) == {"en"}
    assert failed.count() == sum(1 for r in readers_of(issue) if r.language == "en")
    assert "502" in failed.first().error
    assert not set(failed.values_list("email", flat=True)) & set(recipients_in_outbox())
    sent = Delivery.objects.filter(dispatch=dispatch, status="sent").count()
    assert sent + failed.count() == dispatch.deliveries.count()


def test_a_translation_unpublished_after_send_holds_back_its_readers(draft_issue):
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    sending._start(dispatch.pk, timezone.now())
    NewsletterIssuePage.objects.get(
        translation_key=issue.translation_key, locale__language_code="pt"
    ).unpublish()
    sending.run(dispatch.pk)
    assert Dispatch.objects.get(pk=dispatch.pk).status == "sent"
    portuguese = Delivery.objects.filter(dispatch=dispatch, language="pt")
    assert set(portuguese.values_list("status", flat=True)) == {"suppressed"}
    others = Delivery.objects.filter(dispatch=dispatch).exclude(language="pt")
    assert set(others.values_list("status", flat=True)) == {"sent"}


def test_a_batch_that_outlived_every_attempt_is_failed_not_retried(draft_issue, settings):
    issue = publish_with_translations(draft_issue)
    dispatch = scheduling.schedule(issue)
    now = timezone.now()
    sending._start(dispatch.pk, now)
    doomed = sending._claim(dispatch, 3, now)
    Delivery.objects.filter(pk__in=[r.pk for r in doomed]).update(attempts=sending.MAX_ATTEMPTS)
    later = now + datetime.timedelta(seconds=settings.XARXA_NEWSLETTER_LEASE + 1)
    sending.run(dispatch.pk, now=later)
    assert set(
        Delivery.objects.filter(pk__in=[r.pk for r in doomed]).values_list("status", flat=True)
    ) == {"failed"}
    assert not {r.email for r in doomed} & set(recipients_in_outbox())


def test_send_is_refused_while_a_translation_has_unpublished_changes(draft_issue):
    issue = publish_with_translations(draft_issue)
    catalan = NewsletterIssuePage.objects.get(
        translation_key=issue.translation_key, locale__language_code="ca"
    )
    catalan.subject = "Una altra cosa"
    catalan.save_revision()
    with pytest.raises(scheduling.Refusal) as refused:
        scheduling.schedule(issue)
    assert "Català" in refused.value.message


def test_an_issue_page_is_public_only_once_sent(client, draft_issue):
    issue = publish_with_translations(draft_issue)
    assert client.get(issue.url).status_code == 404
    assert issue.url not in client.get("/sitemap.xml").content.decode()
    sending.run(scheduling.schedule(issue).pk)
    assert client.get(issue.url).status_code == 200


@pytest.mark.parametrize(
    "syntax, placeholder",
    [
        ("{{%s}}", "{{unsubscribe_url}}"),
        ("%recipient.%s%", "%recipient.unsubscribe_url%"),
        ("-%s-", "-unsubscribe_url-"),
        ("[[var:%s]]", "[[var:unsubscribe_url]]"),
    ],
)
def test_every_documented_merge_field_syntax_personalises_an_issue(
    draft_issue, settings, django_capture_on_commit_callbacks, syntax, placeholder
):
    """Before the fix Mailgun's syntax, as the README gives it, failed every render with
    TypeError: not enough arguments for format string (`%r` read as a format code)."""
    settings.XARXA_NEWSLETTER_MERGE_FIELD = syntax
    issue = publish_with_translations(draft_issue)
    send(issue, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    reader = message.to[0]
    ((html, _mimetype),) = message.alternatives
    assert placeholder in html and placeholder in message.body
    unsubscribe = message.merge_data[reader]["unsubscribe_url"]
    personal = rendering.personalise(html, message.merge_data[reader])
    assert unsubscribe in personal and placeholder not in personal
