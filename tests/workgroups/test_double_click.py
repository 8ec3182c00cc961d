"""A double-clicked Join button, over HTTP on PostgreSQL."""

import pytest

from tests.http_at_once import ROUNDS, post_at_once
from tests.workgroups.test_membership import join_data
from workgroups.models import Membership, WorkingGroupPage


@pytest.mark.postgres
def test_a_double_clicked_join_button_asks_once(live_demo, live_server):
    """Two identical POSTs at the same moment: one request to join, no 5xx.

    Before the fix a second answer was a 500 (IntegrityError on
    one_live_membership_per_email) when both passed the `.exists()` check: seen as
    [302, 500] in round 0 of 5.
    """
    group = WorkingGroupPage.objects.get(locale__language_code="en", slug="local-observatories")
    url = f"{live_server.url}{group.url}join/"
    for n in range(ROUNDS):
        email = f"member{n}@example.org"
        answers = post_at_once(url, join_data(email=email))
        statuses = sorted(answer.status_code for answer in answers)
        assert statuses == [200, 302], (n, statuses)
        assert Membership.objects.filter(email=email).count() == 1
        refused = next(answer for answer in answers if answer.status_code == 200)
        assert "already asked to join" in refused.text
