"""Production settings: environment only, a clean `check --deploy`, a clear failure."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each test starts manage.py under production settings: one pass is enough.
pytestmark = pytest.mark.once

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k7Qf2vR9xL4mN8pT1wZ6yB3cH5jD0sG-aE_uV2iO9kM4nP7rS1tX8zW5qY3bC6d",
    "DJANGO_ALLOWED_HOSTS": "xarxa.example.org, www.xarxa.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://xarxa.example.org",
    "DATABASE_URL": "postgres://xarxa:secret@127.0.0.1:5432/xarxa",
    "XARXA_BASE_URL": "https://xarxa.example.org",
    "DEFAULT_FROM_EMAIL": "OIDP <news@xarxa.example.org>",
    "ANYMAIL_ESP": "mailgun",
    "MAILGUN_API_KEY": "key-test",
    "MAILGUN_SENDER_DOMAIN": "xarxa.example.org",
    "ANYMAIL_WEBHOOK_SECRET": "mailgun:8q2Lw0v5Zt7Rk3Xp",
}


def manage(*args, env, timeout=120):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    for leaked in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        clean.pop(leaked, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_check_deploy_reports_no_issues_at_all():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "missing",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "XARXA_BASE_URL",
        "ANYMAIL_ESP",
        "ANYMAIL_WEBHOOK_SECRET",
    ],
)
def test_missing_required_variable_stops_start_up_naming_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


def test_esp_keys_reach_anymail():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND, "
        "sorted(settings.ANYMAIL), settings.ALLOWED_HOSTS, settings.SESSION_COOKIE_SECURE)",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "anymail.backends.mailgun.EmailBackend ['MAILGUN_API_KEY', 'MAILGUN_SENDER_DOMAIN', "
        "'WEBHOOK_SECRET'] "
        "['xarxa.example.org', 'www.xarxa.example.org'] True"
    )


SCALED_OUT = {
    **PRODUCTION_ENV,
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "XARXA_TASK_BACKEND": "rq",
    "XARXA_S3_BUCKET": "xarxa-media",
    "XARXA_S3_ENDPOINT_URL": "https://s3.example.org",
    "XARXA_MEDIA_DOMAIN": "media.xarxa.example.org",
    "XARXA_CACHE_PURGE_URL": "http://127.0.0.1:6081/",
}
SHOW = (
    "from django.conf import settings as s; "
    "print(s.CACHES['default']['BACKEND'], s.CACHES['pages']['BACKEND'], "
    "s.XARXA_PAGE_CACHE_SECONDS); print(s.TASKS['default']['BACKEND']); "
    "print(s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name']); "
    "print(s.WAGTAILFRONTENDCACHE['cdn']['BACKEND']); print('django_rq' in s.INSTALLED_APPS)"
)


def test_more_than_one_machine_has_a_settings_path_for_each_piece():
    result = manage("shell", "--no-imports", "-c", SHOW, env=SCALED_OUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-5:] == [
        "django_redis.cache.RedisCache django_redis.cache.RedisCache 300",
        "django_tasks_rq.RQBackend",
        "storages.backends.s3.S3Storage xarxa-media",
        "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "True",
    ]
    deploy = manage("check", "--deploy", "--fail-level", "DEBUG", env=SCALED_OUT)
    assert deploy.returncode == 0, deploy.stderr + deploy.stdout
    assert "System check identified no issues (0 silenced)." in deploy.stdout


def test_the_rq_queue_needs_redis():
    env = {**PRODUCTION_ENV, "XARXA_TASK_BACKEND": "rq"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "XARXA_TASK_BACKEND=rq needs REDIS_URL" in result.stderr


DEMO_SERVES = """
from django.conf import settings
from django.test import Client
response = Client().get("/static/core/css/xarxa.css")
print(settings.DEBUG, response.status_code, b"--brand" in b"".join(response.streaming_content))
"""


def test_the_demo_runs_without_debug_and_still_serves_static_files(tmp_path):
    """`make demo` (bin/serve-demo) shows the site's own error pages, so DEBUG is off;
    the stylesheet must still come, without a collectstatic."""
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.demo", "XARXA_VAR_DIR": str(tmp_path)}
    result = manage("shell", "--no-imports", "-c", DEMO_SERVES, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False 200 True"
    assert "config.settings.demo" in (ROOT / "bin" / "serve-demo").read_text()
