"""The pieces that run on Redis when the site runs on more than one machine: the shared
cache (rate limits, health) and the task queue on RQ, against a real redis-server."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from core import ratelimit
from core.domain import health
from core.models import OutboxMessage

pytestmark = [pytest.mark.redis, pytest.mark.django_db]
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.fixture
def redis():
    import django_rq

    connection = django_rq.get_connection("default")
    connection.flushdb()
    yield connection
    connection.flushdb()


@pytest.fixture
def rq_tasks(settings, redis):
    settings.TASKS = RQ_TASKS
    return redis


def drain():
    """What `manage.py rqworker --job-class django_tasks_rq.Job --burst` does, in this
    process and transaction."""
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    worker = django_rq.get_worker("default", worker_class=SimpleWorker, job_class=Job)
    worker.work(burst=True)


def test_the_cache_is_redis_and_holds_no_address_in_clear(redis, settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("probe", "1")
    assert cache.get("probe") == "1"
    limit = (2, 60)
    assert ratelimit.hit("register-email", "anna.serra@example.org", limit) is None
    assert ratelimit.hit("register-email", "anna.serra@example.org", limit) is None
    assert ratelimit.hit("register-email", "anna.serra@example.org", limit) == 1
    keys = [key.decode() for key in redis.keys("*")]
    assert keys and not any("anna" in key or "@" in key for key in keys)


def test_an_email_goes_through_the_rq_queue(rq_tasks, django_capture_on_commit_callbacks):
    from core.mail import queue_rendered

    with django_capture_on_commit_callbacks(execute=True):
        message = queue_rendered(
            to="rosa@example.org",
            language="ca",
            subject="Prova",
            text="Hola",
            html="<p>Hola</p>",
            template="test",
        )
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.QUEUED
    assert not mail.outbox  # waiting in Redis, not sent in the request
    drain()
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Prova"]


def test_deferred_work_waits_in_the_rq_schedule(rq_tasks):
    import django_rq
    from rq.registry import ScheduledJobRegistry

    from core.tasks import publish_scheduled

    later = timezone.now() + datetime.timedelta(hours=1)
    publish_scheduled.using(run_after=later).enqueue()
    queue = django_rq.get_queue("default")
    assert queue.count == 0
    assert len(ScheduledJobRegistry(queue=queue)) == 1
    assert health.task_queue()[0]


def test_health_sees_a_stalled_rq_queue(rq_tasks):
    import django_rq

    queue = django_rq.get_queue("default")
    assert health.task_queue() == (True, "rq: 0 queued")
    from core.tasks import publish_scheduled

    result = publish_scheduled.enqueue()
    job = queue.fetch_job(result.id)
    job.enqueued_at = timezone.now() - datetime.timedelta(minutes=30)
    job.save()
    ok, detail = health.task_queue()
    assert not ok, detail
    assert detail.startswith("rq: oldest queued job waiting 18")


def test_a_queue_down_after_commit_loses_no_email(
    rq_tasks, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    """The booking has committed when its confirmation is queued: Redis refusing the job
    is logged, not raised (the delegate is not told nothing was saved), and the sweep
    sends the message later, once."""
    import django_rq.settings
    from django.core.management import call_command

    from core.mail import STRANDED_AFTER, queue_rendered
    from tests.shared import closed_port

    dead = f"redis://127.0.0.1:{closed_port()}/0"
    monkeypatch.setitem(django_rq.settings.QUEUES, "default", {"URL": dead})
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_rendered(
            to="rosa@example.org", language="ca", subject="Confirmeu", text="Hola",
            html="", template="test",
        )  # fmt: skip
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.QUEUED
    assert any("Connection refused" in r.getMessage() + str(r.exc_info) for r in caplog.records)
    call_command("send_queued_email")
    assert not mail.outbox  # not yet: the worker may still have it
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - STRANDED_AFTER - datetime.timedelta(minutes=1)
    )
    call_command("send_queued_email")
    call_command("send_queued_email")
    assert [m.subject for m in mail.outbox] == ["Confirmeu"]
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.SENT
