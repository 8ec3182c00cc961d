"""/healthz for the load balancer and `manage.py healthcheck` for operators."""

import datetime
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.domain import health

pytestmark = [pytest.mark.django_db, pytest.mark.cache]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert "no-store" in response["Cache-Control"]


def enqueue_stale_task(minutes):
    from core.tasks import publish_scheduled

    result = publish_scheduled.using(backend="default").enqueue()
    from django_tasks_db.models import DBTaskResult

    # Queued to run at once, `minutes` ago, and never picked up.
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_a_stalled_task_queue_is_degraded_not_down(client, settings):
    settings.TASKS = DB_TASKS
    enqueue_stale_task(minutes=2)
    assert client.get("/healthz").json()["status"] == "ok"  # a worker is a little behind
    enqueue_stale_task(minutes=30)
    response = client.get("/healthz")
    # Every web process shares the queue: the balancer must not take them all out.
    assert response.status_code == 200 and response.json()["status"] == "degraded"
    # Only ok or fail in public; the details are in the log and the command's output.
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "task_queue": "fail"}
    ok, detail = health.task_queue()
    assert not ok and re.fullmatch(r"oldest ready task waiting 18\d\d s", detail)


def test_a_deferred_task_counts_from_when_it_fell_due(client, settings):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import publish_scheduled

    settings.TASKS = DB_TASKS
    result = publish_scheduled.using(
        run_after=timezone.now() + datetime.timedelta(days=1)
    ).enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(days=2),
        run_after=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert health.task_queue()[0]  # queued long ago, due a minute ago
    DBTaskResult.objects.filter(id=result.id).update(
        run_after=timezone.now() - datetime.timedelta(hours=1)
    )
    assert not health.task_queue()[0]


def test_a_task_deferred_to_later_is_not_a_stall(client, settings):
    from core.tasks import publish_scheduled

    settings.TASKS = DB_TASKS
    publish_scheduled.using(run_after=timezone.now() + datetime.timedelta(days=1)).enqueue()
    assert client.get("/healthz").json()["checks"]["task_queue"] == "ok"


def test_the_command_reports_each_check_and_fails_when_one_does(settings, capsys):
    call_command("healthcheck")
    out = capsys.readouterr().out
    for name in ("database", "cache", "task_queue", "migrations: applied"):
        assert name in out
    settings.TASKS = DB_TASKS
    enqueue_stale_task(minutes=30)
    with pytest.raises(CommandError):
        call_command("healthcheck")
    assert "FAIL task_queue" in capsys.readouterr().out


def test_healthz_is_503_when_the_database_is_unreachable():
    """Production settings with nothing listening at DATABASE_URL: this process cannot
    serve, so the balancer must stop sending it requests. Also over plain HTTP, as a
    balancer probes gunicorn: before SECURE_REDIRECT_EXEMPT that answer was a 301 to
    https, which no probe reads as healthy or not."""
    from tests.core.test_settings import PRODUCTION_ENV, manage
    from tests.shared import closed_port

    code = (
        "import json; from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='xarxa.example.org', secure=True); "
        "p = Client().get('/healthz', HTTP_HOST='xarxa.example.org'); "
        "print(json.dumps([r.status_code, r.json(), p.status_code]))"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"postgres://x:y@127.0.0.1:{closed_port()}/x"}
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    status, body, plain_http = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503 and plain_http == 503
    assert body["status"] == "fail" and body["checks"]["database"] == "fail"
    assert "127.0.0.1" not in result.stdout  # the details go to the log only
