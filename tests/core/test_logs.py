"""Logs carry no personal data: no addresses, no secret link tokens; production's are JSON."""

import io
import json
import logging.config

import pytest
from django.conf import settings

from config.settings import base
from events.models import ConferencePage
from tests.core.test_settings import PRODUCTION_ENV, manage

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
