"""The drill: SIGKILL a real worker in the middle of a batch, start another, and count the
emails each reader got. Each batch spends a second at the (folder) ESP, so the kill lands
inside one; that batch's rows are left "sending" and must go out once, later."""

import email
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from newsletter.domain import links, scheduling, sending
from newsletter.models import Delivery, Dispatch, NewsletterIssuePage, Subscriber, Topic

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
BATCH = 10
LEASE = 3


def start_worker(outbox):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.newsletter.worker_settings",
        "DATABASE_URL": url,
        "EMAIL_FILE_PATH": str(outbox),
        "XARXA_OUTBOX_LATENCY": "1",
        "XARXA_NEWSLETTER_BATCH": str(BATCH),
        "XARXA_NEWSLETTER_LEASE": str(LEASE),
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def received(outbox):
    return Counter(
        email.message_from_bytes(path.read_bytes())["To"] for path in outbox.glob("*.eml")
    )


def wait_for(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_worker_killed_mid_batch_leaves_no_reader_skipped_or_doubled(
    live_demo, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.XARXA_NEWSLETTER_LEASE = LEASE  # the same lease as the workers
    outbox = tmp_path / "outbox"
    topic = Topic.objects.get(locale__language_code="en", name="Network news")
    for number in range(40):
        reader = Subscriber.objects.create(
            email=f"drill{number:02}@example.org",
            language="en",
            status="confirmed",
            key=links.new_key(),
        )
        reader.topics.add(topic)
    issue = NewsletterIssuePage.objects.get(slug="on-the-way-to-cascais")
    issue.save_revision().publish()
    dispatch = scheduling.schedule(issue, fallback=True)  # queued for the worker, after commit
    expected = {reader.email for reader in sending.recipients(issue)}
    assert len(expected) > 4 * BATCH

    first = start_worker(outbox)
    try:
        # Two batches delivered, the third at the ESP: kill the worker there.
        assert wait_for(lambda: sum(received(outbox).values()) >= 2 * BATCH), "never started"
        time.sleep(0.4)
        in_flight = Delivery.objects.filter(dispatch=dispatch, status="sending").count()
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert in_flight > 0, "the kill did not land inside a batch"
    sent_before = sum(received(outbox).values())
    assert sent_before < len(expected)
    assert Delivery.objects.filter(dispatch=dispatch, status="sent").count() == sent_before

    second = start_worker(outbox)
    try:
        finished = wait_for(lambda: Dispatch.objects.get(pk=dispatch.pk).status == "sent")
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(second.pid, signal.SIGKILL)
    assert finished, second.stderr.read().decode()[-3000:]
    counts = received(outbox)
    assert set(counts) == expected
    assert set(counts.values()) == {1}
    statuses = set(Delivery.objects.filter(dispatch=dispatch).values_list("status", flat=True))
    assert statuses == {"sent"}
