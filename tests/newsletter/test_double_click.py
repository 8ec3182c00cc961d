"""Two senders pressing Send on one issue at the same moment, on PostgreSQL."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from core.roles import NEWSLETTER_SENDERS
from newsletter.models import Dispatch, NewsletterIssuePage
from tests.http_at_once import ROUNDS, post_at_once


def senders():
    """Two senders' browsers, signed in."""
    browsers = []
    for name in ("first", "second"):
        sender = User.objects.create_user(name, f"{name}@xarxa.example.org", "pw")
        sender.groups.add(Group.objects.get(name=NEWSLETTER_SENDERS))
        browser = Client()
        browser.force_login(sender)
        browsers.append({"sessionid": browser.cookies["sessionid"].value})
    return browsers


@pytest.mark.postgres
def test_two_senders_pressing_send_schedule_one_dispatch(live_demo, live_server):
    """One dispatch, and the second sender is told it is already scheduled; no 5xx.

    Before the fix a second answer was a 500 (IntegrityError on the issue's one-to-one
    dispatch) when neither request found a dispatch row to lock: seen as [302, 500] in
    round 1 of 5. When the second sender came after the first had committed, the page
    answered 200 without the refusal: it showed the scheduled send and hid the form the
    error was on. Only an issue's first send can race, so each round sends a new issue.
    """
    draft = NewsletterIssuePage.objects.get(
        locale__language_code="en", slug="on-the-way-to-cascais"
    )
    browsers = senders()
    later = timezone.localtime() + datetime.timedelta(days=1)
    data = {
        "action": "send",
        "confirm": "on",
        "fallback": "on",
        "send_at": later.strftime("%Y-%m-%dT%H:%M"),
    }
    for n in range(ROUNDS):
        issue = draft.copy(
            update_attrs={"slug": f"round-{n}", "title": f"Round {n}"},
            reset_translation_key=True,
        ).specific
        issue.save_revision().publish()
        url = f"{live_server.url}/admin/newsletter/issues/{issue.pk}/send/"
        answers = post_at_once(url, data, browsers=browsers)
        statuses = sorted(answer.status_code for answer in answers)
        assert statuses == [200, 302], (n, statuses)
        assert Dispatch.objects.get(issue=issue).status == "scheduled"
        refused = next(answer for answer in answers if answer.status_code == 200)
        assert "already been sent or scheduled" in refused.text
