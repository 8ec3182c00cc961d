"""Uploaded images load in production, served by the site itself or from a media host.

The site runs as the README deploys it: gunicorn with the production settings, behind a
proxy that says the request came over https (the header the browser sends here)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.core.test_logs import free_port
from tests.core.test_settings import PRODUCTION_ENV, ROOT

# Chromium against gunicorn under the production settings: once, in the PostgreSQL pass.
pytestmark = pytest.mark.e2e

PUT_AN_IMAGE_ON_THE_HOME_PAGE = """
import io
from PIL import Image as Picture
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from core.models import HomePage
buffer = io.BytesIO()
Picture.new("RGB", (640, 360), (200, 60, 20)).save(buffer, "PNG")
image = Image.objects.create(title="Cascais", file=ImageFile(buffer, name="cascais.png"))
home = HomePage.objects.get(locale__language_code="en")
home.body = [("image", {"image": image, "alt_text": "Cascais", "caption": ""})]
home.save_revision().publish()
"""


def run(args, env):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def wait_for(port, process):
    for _ in range(600):
        assert process.poll() is None, f"exited with {process.returncode}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered on {port}")


@pytest.fixture(scope="module")
def production_database(tmp_path_factory):
    """A migrated production database (SQLite, to spare a cluster) with the collected
    static files and a home page showing one uploaded image."""
    var = tmp_path_factory.mktemp("var")
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        PRODUCTION_ENV,
        DATABASE_URL=f"sqlite:///{var}/xarxa.sqlite3",
        XARXA_VAR_DIR=str(var),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
    )
    run(["manage.py", "migrate", "--noinput", "-v0"], env)
    run(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    run(["manage.py", "start_site", "--name", "Xarxa", "--short-name", "Xarxa"], env)
    run(["manage.py", "shell", "-c", PUT_AN_IMAGE_ON_THE_HOME_PAGE], env)
    return var, env


@pytest.fixture
def started(tmp_path):
    """Servers whose output goes to a file (a pipe nobody reads fills up and stalls them)."""
    processes = []

    def start(args, env, port):
        log = open(tmp_path / f"{port}.log", "w")  # noqa: SIM115  (closed below)
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append((process, log))
        wait_for(port, process)
        return process

    yield start
    for process, log in processes:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.parametrize("media_host", [False, True], ids=["served-by-the-site", "media-host"])
def test_an_uploaded_image_loads_under_the_production_policy(
    browser, production_database, started, media_host
):
    """Before the fix both cases failed the same way: the image was linked at
    http://127.0.0.1:<port>/media/images/cascais.width-960.png, which answered 404 (no
    media route without DEBUG; XARXA_MEDIA_DOMAIN meant nothing without S3), so
    naturalWidth was 0. The media-host case also needs the host in img-src: Chromium
    refuses an image from another origin under `img-src 'self' data:`."""
    var, env = production_database
    port = free_port()
    env = {**env, "XARXA_BASE_URL": f"http://127.0.0.1:{port}"}
    if media_host:
        media_port = free_port()
        env["XARXA_MEDIA_DOMAIN"] = f"http://127.0.0.1:{media_port}"
        started(
            [
                sys.executable,
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                "--directory",
                str(var / "media"),
                str(media_port),
            ],
            env,
            media_port,
        )
    started(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "--pythonpath",
            "site",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "config.wsgi:application",
        ],
        env,
        port,
    )
    context = browser.new_context(
        base_url=f"http://127.0.0.1:{port}", extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    try:
        response = page.goto("/en/")
        assert response.status == 200
        image = page.locator("main img").first
        image.wait_for()
        page.wait_for_load_state("load")
        source = image.evaluate("img => img.currentSrc")
        width = image.evaluate("img => img.complete && img.naturalWidth")
    finally:
        context.close()
    assert width > 0, (source, console)
    assert [line for line in console if "Content Security Policy" in line] == []
    if media_host:
        assert source.startswith(env["XARXA_MEDIA_DOMAIN"] + "/images/"), source
    else:
        assert source.startswith(f"http://127.0.0.1:{port}/media/images/"), source
        behind_proxy = urllib.request.Request(source, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(behind_proxy) as served:
            assert served.headers["Cache-Control"] == "public, max-age=2592000"
