"""A copy of the database holds no working link: only hashes of link tokens are stored,
and a sent email keeps its audit trail (recipient, subject, kind, times, status), not
the body that carried the links."""

import re

import pytest
from django.core import mail
from django.db import connection

from events.models import Registration
from tests.events.conftest import conference  # noqa: F401  (fixtures)
from tests.events.test_registration_views import form_data
from tests.newsletter.conftest import link_in, subscribe, topic  # noqa: F401
from tests.workgroups.test_membership import join_data
from workgroups.domain import membership as membership_domain
from workgroups.models import Membership

pytestmark = pytest.mark.django_db

#: Long runs of the characters tokens, signatures and keys are written in.
TOKENISH = re.compile(r"[A-Za-z0-9_\-:]{20,}")
#: Links, absolute or not, with such a run in their path.
LINK = re.compile(r"(?:https?://testserver)?(/[a-z]{2}/[^\s\"'<>]*[A-Za-z0-9_\-:]{20,}[^\s\"'<>]*)")


def stored_text():
    """Every value of every text column of every table."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
                if column.type_code in (str, "text", "varchar")
                or "char" in str(column.type_code)
                or "text" in str(column.type_code).lower()
            ]
            for column in columns:
                cursor.execute(
                    f"SELECT {connection.ops.quote_name(column)} FROM "
                    f"{connection.ops.quote_name(table)}"
                )
                values += [str(value) for (value,) in cursor.fetchall() if value]
    return values


def opens_a_private_page(client, path):
    response = client.get(path)
    return response.status_code == 200 and "private" in response.get("Cache-Control", "")


def test_no_token_in_the_database_opens_a_page(
    client,
    conference,  # noqa: F811  (the fixture imported above)
    observatories,
    subscribe,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """Register and confirm, join and be approved, subscribe and confirm, then try every
    link and every token-like value found anywhere in the database on each private route.

    Before the fix the outbox kept each sent email's body: the delegate's manage and feed
    links, the member's page and feed, the reader's confirmation link all opened their
    pages from the database copy (the test listed them).

    Only values that these flows added or changed are tried (the demo's thousands of
    long slugs and identifiers, times seven routes, took minutes)."""
    before = set(stored_text())
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{conference.url}register/", form_data()).status_code == 302
    confirm = re.search(r"https?://testserver(\S+/register/confirm/\S+/)", mail.outbox[-1].body)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm.group(1)).status_code == 302
    assert Registration.objects.get(email="laura.soler@example.org").status == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{observatories.url}join/", join_data()).status_code == 302
        membership_domain.approve(Membership.objects.get(email="rosa.martinez@example.org"))

    subscribe(email="leitora@exemplo.pt")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link_in(mail.outbox[-1].body, "confirm")).status_code == 302

    # The links these flows sent do work: the scan below looks where they could be kept.
    sent = [link for message in mail.outbox for link in LINK.findall(message.body)]
    assert any(opens_a_private_page(client, link) for link in sent)

    values = set(stored_text()) - before
    candidates = {link for value in values for link in LINK.findall(value)}
    tokens = {token for value in values for token in TOKENISH.findall(value)}
    private_routes = [
        f"{conference.url}registration/{{}}/",
        f"{conference.url}registration/{{}}/calendar.ics",
        f"{conference.url}register/confirm/{{}}/",
        f"{observatories.url}member/{{}}/",
        f"{observatories.url}member/{{}}/calendar.ics",
        "/en/newsletter/preferences/{}/",
        "/en/newsletter/confirm/{}/",
    ]
    candidates |= {route.format(token) for token in tokens for route in private_routes}
    assert len(tokens) > 5  # hashes, keys and the like were found and tried
    opened = [path for path in sorted(candidates) if opens_a_private_page(client, path)]
    assert opened == []
