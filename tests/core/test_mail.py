"""The one email path: rendered in the recipient's language, recorded, sent after commit."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import mail as outbox
from core.models import OutboxMessage
from tests.newsletter import esp

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
