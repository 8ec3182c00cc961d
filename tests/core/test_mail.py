"""The one email path: rendered in the recipient's language, recorded, sent after commit."""

import pytest
from django.core import mail
from django.db import transaction

from core import mail as outbox
from core.models import OutboxMessage

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
