"""Logs carry no personal data: no addresses, no secret link tokens; production's are JSON."""

import io
import json
import logging.config
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from config.settings import base
from events.models import ConferencePage
from tests.core.test_settings import PRODUCTION_ENV, ROOT, manage

TOKEN = "k3Jd9sLq0PzX7vN2mB5cR8tY1wE4uI6o"


@pytest.fixture
def site_log():
    """The logging the site runs with (tests otherwise keep their own quiet one), its
    console handler writing into a buffer."""
    logging.config.dictConfig(base.LOGGING)
    buffer = io.StringIO()
    [console] = logging.getLogger().handlers
    console.setStream(buffer)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_404_on_a_token_link_logs_the_path_without_the_token(demo, client, site_log):
    conference = ConferencePage.objects.get(
        locale__language_code="ca", slug="13a-conferencia-cascais"
    )
    response = client.get(f"{conference.url}registration/{TOKEN}/")
    assert response.status_code == 404
    logged = site_log.getvalue()
    assert "Not Found" in logged and "/registration/[token]/" in logged
    assert TOKEN not in logged


def test_addresses_never_reach_the_log(site_log):
    logging.getLogger("events").warning("could not send to %s", "anna.serra@example.org")
    logged = site_log.getvalue()
    assert "anna.serra" not in logged and "[email]" in logged


def test_production_logs_one_json_object_per_line():
    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('django.request').warning("
        f"'Not Found: %s', '/ca/x/registration/{TOKEN}/ for anna@example.org')",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("{")]
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /ca/x/registration/[token]/ for [email]"
    assert {"time", "level", "logger", "message"} <= set(entry)


def test_the_worker_log_names_the_task_it_ran(site_log):
    logging.getLogger("django_tasks").info(
        "Task id=%s path=core.tasks.follow_source state=SUCCESSFUL", TOKEN
    )
    logged = site_log.getvalue()
    assert "id=[token] path=core.tasks.follow_source state" in logged
    # Django's password-reset token (lower-case letters, digits, a hyphen) is still hidden.
    logging.getLogger("django.request").warning(
        "/reset/MQ/cbx3ky-0a9f8e7d6c5b4a39281706f5e4d3c2b1/"
    )
    assert "/reset/MQ/[token]/" in site_log.getvalue()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_development_server_logs_requests_and_errors_without_tokens_or_addresses(tmp_path):
    """runserver under the dev settings (as `make demo` runs it), on a database with no
    tables, so the page view fails: django.server logs the request line, django.request
    the 500 with its traceback, each through whatever handlers Django's real logging
    config gives them.

    Before the fix the token and the address were in clear twice: runserver's own
    `django.server` handler wrote the request line as it came, and Django's console
    handler wrote "Internal Server Error: <path>" next to the redacted copy from ours."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        XARXA_VAR_DIR=str(tmp_path),
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        url = (
            f"http://127.0.0.1:{port}/en/x/registration/{TOKEN}/anna.serra@example.org/"
            "?email=joan.puig%40example.org"
        )
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(url, timeout=60)
        assert failed.value.code == 500
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert "Internal Server Error: /en/x/registration/[token]/[email]/" in output, output
    assert "OperationalError" in output  # the traceback is there, redacted
    assert '"GET /en/x/registration/[token]/[email]/?email=[email] HTTP/1.1" 500' in output
    assert TOKEN not in output, output
    assert "anna.serra" not in output and "joan.puig" not in output, output


UNREDACTED_HANDLERS = (
    "import logging; from core.logs import RedactPersonalData; "
    "loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]; "
    'print(sorted({f\'{getattr(logger, "name", "")}: {type(handler).__name__}\' '
    "for logger in loggers for handler in getattr(logger, 'handlers', []) "
    "if not isinstance(handler, logging.NullHandler) "
    "and not any(isinstance(f, RedactPersonalData) for f in handler.filters)}))"
)


@pytest.mark.parametrize("environment", ["dev", "test", "production"])
def test_every_handler_redacts_in_every_environment(environment, tmp_path):
    """Before the fix: dev and production left Django's "django" console and
    mail_admins handlers and runserver's "django.server" handler without the filter,
    and the test settings had no redacting handler at all."""
    env = {"DJANGO_SETTINGS_MODULE": f"config.settings.{environment}"}
    if environment == "production":
        env = PRODUCTION_ENV
    env = {**env, "XARXA_VAR_DIR": str(tmp_path)}
    result = manage("shell", "--no-imports", "-c", UNREDACTED_HANDLERS, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
