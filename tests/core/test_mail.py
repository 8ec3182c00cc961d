"""The one email path: rendered in the recipient's language, recorded, sent after commit."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import mail as outbox
from core.models import OutboxMessage
from tests.newsletter import esp
from tests.shared import ROOT

pytestmark = pytest.mark.django_db


def queue(to, language="ca"):
    return outbox.queue(
        "registration/new_links",
        to=to,
        language=language,
        context={
            "delegate": {"name": "Marta"},
            "conference": {"title": "13a Conferència"},
            "manage_url": "http://testserver/x/",
        },
    )


def test_messages_are_sent_after_commit_and_marked_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = queue("a@example.org"), queue("b@example.org", "es")
        assert mail.outbox == []  # nothing leaves inside the transaction
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    for message in (first, second):
        message.refresh_from_db()
        assert message.status == "sent" and message.sent_at is not None
    assert mail.outbox[0].subject == "Els vostres enllaços nous per a 13a Conferència"
    html = dict((alt.mimetype, alt.content) for alt in mail.outbox[1].alternatives)["text/html"]
    assert 'lang="es"' in html


def test_a_rolled_back_request_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue("c@example.org")
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not OutboxMessage.objects.filter(to="c@example.org").exists()


def test_delivering_twice_sends_once(django_capture_on_commit_callbacks):
    message = queue("d@example.org")
    outbox.deliver(message.pk)
    outbox.deliver(message.pk)
    assert len(mail.outbox) == 1


def test_an_esp_outage_keeps_the_message_queued_and_it_goes_out_once_when_back(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    esp.failures[:] = [503, 429]
    message = queue("e@example.org")
    now = timezone.now() + datetime.timedelta(minutes=30)  # the worker's clock, ahead
    outbox.deliver(message.pk, now=now)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("queued", 1) and "503" in message.error
    assert message.next_attempt_at == now + outbox.FIRST_RETRY
    # A worker or the sweep arriving early leaves it for its time.
    outbox.deliver(message.pk, now=now + datetime.timedelta(seconds=5))
    assert esp.failures == [429]
    assert outbox.send_stranded(now=now + datetime.timedelta(seconds=5)) == 0
    # The second try fails too and waits twice as long.
    outbox.deliver(message.pk, now=message.next_attempt_at)
    message.refresh_from_db()
    assert message.next_attempt_at == now + 3 * outbox.FIRST_RETRY
    # The ESP is back: the sweep sends what fell due, once.
    assert outbox.send_stranded(now=message.next_attempt_at) == 1
    assert outbox.send_stranded(now=message.next_attempt_at) == 0
    assert [m.to for m in mail.outbox] == [["e@example.org"]]
    message.refresh_from_db()
    assert message.status == "sent" and message.next_attempt_at is None


def test_the_retry_is_queued_for_its_time_after_commit(
    settings, deferring_backend, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    esp.failures[:] = [502]  # may have been sent; one person's message is sent again
    message = queue("f@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        outbox.deliver(message.pk)
    message.refresh_from_db()
    [retry] = [r for r in deferring_backend.results if r.args == [message.pk]]
    assert retry.task.run_after == message.next_attempt_at


def test_an_answer_after_which_it_may_have_gone_out_is_retried_once(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    esp.failures[:] = [504, 503, 500]
    message = queue("i@example.org")
    when = timezone.now()
    for _try in range(3):
        outbox.deliver(message.pk, now=when)
        message.refresh_from_db()
        when = message.next_attempt_at
    # 504: maybe sent, tried again; 503: a refusal, tried again; 500: maybe sent twice.
    assert (message.status, message.attempts, message.uncertain_attempts) == ("failed", 3, 2)


def test_a_slow_sweep_schedules_from_the_real_clock(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    esp.failures[:] = [503]
    message = queue("j@example.org")
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    outbox.deliver(message.pk, now=long_ago)
    message.refresh_from_db()
    assert message.next_attempt_at > timezone.now()


def test_a_refusal_that_will_not_change_is_failed_at_once(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    esp.failures[:] = [400]
    message = queue("g@example.org")
    outbox.deliver(message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts, message.next_attempt_at) == ("failed", 1, None)


def test_after_a_day_of_outage_a_person_has_to_look(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.esp.FlakyBackend"
    message = queue("h@example.org")
    esp.failures[:] = [503]
    outbox.deliver(message.pk, now=message.created_at + outbox.GIVE_UP_AFTER)
    message.refresh_from_db()
    assert message.status == "failed" and "503" in message.error


def transactional_templates():
    """Every email with a subject template: all but the newsletter's issue."""
    emails = ROOT / "templates" / "emails"
    return sorted(
        str(path.relative_to(emails)).removesuffix(".subject.txt")
        for path in emails.glob("*/*.subject.txt")
    )


LINE = {"title": "Local observatories", "when": "Thu 1 July, 16:00", "status": "Booked"}
EMAIL_CONTEXT = {
    "conference": {"title": "13th OIDP Conference, Cascais"},
    "conference_url": "http://testserver/en/conferences/13th/",
    "delegate": {"name": "Marta"},
    "member": {"name": "Aminata"},
    "group": {"title": "Local Observatories"},
    "group_url": "http://testserver/en/working-groups/local-observatories/",
    "meeting": {"title": "Monthly online meeting"},
    "meeting_url": "http://testserver/en/working-groups/local-observatories/monthly/",
    "session": {"title": "Keynote", "when": "Thu 1 July, 16:00"},
    "lines": [LINE, {**LINE, "position": 2}],
    "booked": [LINE],
    "updated": [LINE],
    "waitlisted": [{**LINE, "position": 2}],
    "cancelled": [LINE],
    "when": ["Thu 1 July, 16:00"],
    "where": "Cascais",
    "zone_note": "Times are in Europe/Lisbon.",
    "online_link": "https://meet.example.org/x",
    "hold_hours": 24,
    "confirm_url": "http://testserver/confirm/x/",
    "manage_url": "http://testserver/manage/x/",
    "feed_url": "http://testserver/feed/x/calendar.ics",
    "member_url": "http://testserver/member/x/",
    "preferences_url": "http://testserver/preferences/x/",
}


class EmailHead(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.body_style, self._in_title = "", None, False

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"
        if tag == "body":
            self.body_style = dict(attrs).get("style")

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.mark.parametrize("template", transactional_templates())
def test_transactional_emails_read_in_outlook_and_yahoo(template):
    """Outlook for Windows and Yahoo ignore rem, max-width and styles on <body>. Before
    the fix each of these emails had an empty <title> (assert '' == subject), and the
    layout was a max-width:36rem <div> under a styled <body>."""
    subject, _text, html = outbox.render(template, "en", EMAIL_CONTEXT)
    head = EmailHead()
    head.feed(html)
    assert subject and head.title.strip() == subject
    assert head.body_style is None
    assert not re.search(r"\d(\.\d+)?rem\b", html)
    assert "max-width" not in html
    # The layout is a table of fixed width, its styles inlined.
    assert re.search(r'<table [^>]*class="sheet"[^>]*width="600"', html)
    assert 'style="' in html.split("<body", 1)[1]
