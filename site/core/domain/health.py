"""Is this process fit to serve? What `/healthz` and `manage.py healthcheck` report.

Each check answers (ok, detail). The web checks are cheap enough for a load balancer
to call every few seconds: one query, one cache round trip, one query on the task queue.
Only the database decides whether a web process can serve: the cache and the queue are
shared by every process, so taking all of them out of the balancer for a stalled
worker or a Redis hiccup would turn a delay into an outage. Those two make `/healthz`
say "degraded" and `manage.py healthcheck` fail, for monitoring to act on.
"""

import datetime
import uuid

import django_rq
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

#: Work ready for longer than this means no worker is draining the queue.
QUEUE_STALL = datetime.timedelta(minutes=10)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True, connection.vendor


def cache_round_trip():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key) == "1"
    cache.delete(key)
    return found, settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def task_queue(now=None):
    """The oldest task waiting to run; a stalled queue means the worker is down."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_rq."):
        return _rq_queue(now or timezone.now())
    if not backend.startswith("django_tasks_db."):
        return True, backend.rsplit(".", 1)[-1]

    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task to run at once waits from when it was queued; a deferred one from when it
    # fell due (django-tasks-db gives the first kind the maximum run_after).
    waiting = [
        row.enqueued_at
        for row in ready.filter(run_after=get_date_max()).order_by("enqueued_at")[:1]
    ] + [
        max(row.enqueued_at, row.run_after)
        for row in ready.exclude(run_after=get_date_max()).order_by("run_after")[:1]
    ]
    if not waiting:
        return True, "empty"
    age = now - min(waiting)
    return age < QUEUE_STALL, f"oldest ready task waiting {int(age.total_seconds())} s"


def _rq_queue(now):
    queue = django_rq.get_queue("default")
    queue.connection.ping()
    oldest = next(iter(queue.get_jobs(0, 1)), None)
    if oldest is None or oldest.enqueued_at is None:
        return True, f"rq: {queue.count} queued"
    enqueued = oldest.enqueued_at
    if enqueued.tzinfo is None:
        enqueued = enqueued.replace(tzinfo=datetime.UTC)
    age = now - enqueued
    return age < QUEUE_STALL, f"rq: oldest queued job waiting {int(age.total_seconds())} s"


def migrations():
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return not pending, f"{len(pending)} unapplied" if pending else "applied"


WEB_CHECKS = {"database": database, "cache": cache_round_trip, "task_queue": task_queue}
#: What a web process cannot serve without.
SERVING = {"database"}
ALL_CHECKS = {**WEB_CHECKS, "migrations": migrations}


def run(checks):
    report = {}
    for name, check in checks.items():
        try:
            ok, detail = check()
        except Exception as error:  # a failing dependency is the answer, not a crash
            ok, detail = False, f"{type(error).__name__}: {error}"
        report[name] = {"ok": ok, "detail": detail}
    return all(item["ok"] for item in report.values()), report
