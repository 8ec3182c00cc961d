import datetime
import threading

import pytest
from django.db import connection

from events.models import SessionPage

PUBLISHERS = 6
PUBLISHES_EACH = 4


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_publishes_each_raise_the_sequence(live_demo):
    """Editors publishing time changes to the same session at once: every change counts.

    Shown to fail without the row lock in SequencedMixin.update_sequence (drop
    `.select_for_update()`): the publishers read the same SEQUENCE and write the same
    next value, and the final number came out at 6 and at 7 of 24 in two runs.
    """
    session = SessionPage.objects.get(locale__language_code="en", slug="keynote")
    start_sequence = session.sequence
    base, length = session.start, session.end - session.start
    barrier = threading.Barrier(PUBLISHERS)
    errors = []

    def publish(offset):
        try:
            barrier.wait(timeout=30)
            for n in range(PUBLISHES_EACH):
                page = SessionPage.objects.get(pk=session.pk)
                # A time no other publish writes: every publish is a change. (Shifting
                # the time read could land on the stored one, which is no change.)
                page.start = base + datetime.timedelta(minutes=offset * 10 + n + 1)
                page.end = page.start + length
                page.save_revision().publish()
        except Exception as error:  # noqa: BLE001 - reported below, with its thread
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(PUBLISHERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    session.refresh_from_db()
    assert session.sequence == start_sequence + PUBLISHERS * PUBLISHES_EACH
