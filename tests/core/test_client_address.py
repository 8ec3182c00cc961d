"""The client's address behind the documented deployment (nginx in front of gunicorn)."""

import re

import pytest

from events.models import ConferencePage, Registration
from tests.core.test_settings import PRODUCTION_ENV, ROOT, manage
from tests.events.test_registration_views import form_data

pytestmark = pytest.mark.django_db


def production_proxy_hops():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.XARXA_PROXY_HOPS)",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


def test_the_readme_and_production_agree_on_the_proxy():
    """The README's nginx appends the client to X-Forwarded-For, and production counts
    that one proxy without being told.

    Before the fix production's default was 0: every visitor was nginx's 127.0.0.1."""
    readme = (ROOT / "README.md").read_text()
    nginx = re.search(r"```nginx\n(.*?)```", readme, re.DOTALL).group(1)
    assert re.search(r"proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;", nginx)
    assert len(re.findall(r"^\s*proxy_pass ", nginx, re.MULTILINE)) == 1
    assert production_proxy_hops() == 1
    row = next(line for line in readme.splitlines() if line.startswith("| `XARXA_PROXY_HOPS`"))
    assert "default 1 in production" in row


@pytest.mark.cache
def test_behind_nginx_each_delegate_has_their_own_address(client, settings):
    """As production runs behind the README's nginx: the consent records the delegate's
    address, and one delegate's attempts do not use up another's."""
    settings.XARXA_PROXY_HOPS = production_proxy_hops()
    settings.XARXA_RATE_LIMIT_PER_IP = (1, 15 * 60)
    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    url = f"{conference.url}register/"

    def through_nginx(client_address, **changes):
        # nginx connects from 127.0.0.1 and appends the address it saw.
        return client.post(
            url, form_data(**changes), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address
        )

    assert through_nginx("198.51.100.7", email="a@example.org").status_code == 302
    assert through_nginx("203.0.113.9", email="b@example.org").status_code == 302
    assert through_nginx("198.51.100.7", email="c@example.org").status_code == 429
    consent = dict(
        Registration.objects.filter(email__in=["a@example.org", "b@example.org"]).values_list(
            "email", "consent_ip"
        )
    )
    assert consent == {"a@example.org": "198.51.100.7", "b@example.org": "203.0.113.9"}
