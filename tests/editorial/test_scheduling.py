"""Scheduled publishing ("go live at", "expire at") runs in the worker at its moment."""

import datetime
import time

import pytest
from django.utils import timezone

from core.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


def wait_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.2)


def scheduled(backend):
    return [r for r in backend.results if r.task.func is publish_scheduled.func]


def test_go_live_at_queues_the_publication_for_that_moment(
    session, moderator, deferring_backend, django_capture_on_commit_callbacks
):
    later = timezone.now() + datetime.timedelta(seconds=5)
    session.abstract = "Scheduled abstract."
    session.go_live_at = later
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision(user=moderator).publish(user=moderator)
    session.refresh_from_db()
    assert session.abstract != "Scheduled abstract."  # not yet
    [job] = scheduled(deferring_backend)
    assert job.task.run_after == later

    # The worker runs it once it is due.
    wait_until(later)
    publish_scheduled.call()
    session.refresh_from_db()
    assert session.abstract == "Scheduled abstract."


def test_expire_at_queues_the_unpublication(
    session, moderator, deferring_backend, django_capture_on_commit_callbacks
):
    soon = timezone.now() + datetime.timedelta(seconds=5)
    session.expire_at = soon
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision(user=moderator).publish(user=moderator)
    assert [job.task.run_after for job in scheduled(deferring_backend)] == [soon]
    wait_until(soon)
    publish_scheduled.call()
    session.refresh_from_db()
    assert not session.live and session.expired
