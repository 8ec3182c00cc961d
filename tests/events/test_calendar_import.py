"""Importing partner feeds, served by a local HTTP server (never the internet)."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.domain import calendar
from events.domain.calendar_import import import_subscription
from events.models import AgendaPage, CalendarSubscription, ImportedEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_server():
    files = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", files
    server.shutdown()
    server.server_close()


def feed(*events):
    items = [
        calendar.CalendarItem(
            uid=uid,
            summary=summary,
            start=start,
            end=start + datetime.timedelta(hours=2),
            location="Lisboa",
            url="https://partner.example/event",
        )
        for uid, summary, start in events
    ]
    return calendar.build(items, name="Partner network")


NEXT_YEAR = datetime.datetime.now(datetime.UTC).year + 1
FORUM = (
    "forum@partner.example",
    "Forum on local democracy",
    datetime.datetime(NEXT_YEAR, 3, 10, 9, tzinfo=datetime.UTC),
)
SUMMIT = (
    "summit@partner.example",
    "Summit of mayors",
    datetime.datetime(NEXT_YEAR, 4, 20, 9, tzinfo=datetime.UTC),
)


def test_import_matches_by_uid_updates_and_removes(partner_server):
    base, files = partner_server
    files["/partner.ics"] = feed(FORUM, SUMMIT)
    subscription = CalendarSubscription.objects.create(name="Partner", url=f"{base}/partner.ics")
    result = import_subscription(subscription)
    assert (result.created, result.updated, result.removed) == (2, 0, 0)
    assert subscription.last_error == "" and subscription.last_success_at

    # The same feed again changes nothing.
    again = import_subscription(subscription)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)

    # The forum is renamed, the summit withdrawn.
    renamed = (FORUM[0], "Forum on local democracy (new venue)", FORUM[2])
    files["/partner.ics"] = feed(renamed)
    result = import_subscription(subscription)
    assert (result.created, result.updated, result.removed) == (0, 1, 1)
    assert list(ImportedEvent.objects.values_list("uid", "summary")) == [
        ("forum@partner.example", "Forum on local democracy (new venue)")
    ]


@pytest.mark.parametrize(
    ("path", "body", "problem"),
    [
        ("/missing.ics", None, "The feed could not be fetched"),
        ("/broken.ics", b"<html>not a calendar</html>", "not a valid iCalendar feed"),
    ],
)
def test_a_broken_feed_is_reported_and_deletes_nothing(partner_server, path, body, problem):
    base, files = partner_server
    files["/partner.ics"] = feed(FORUM, SUMMIT)
    subscription = CalendarSubscription.objects.create(name="Partner", url=f"{base}/partner.ics")
    import_subscription(subscription)
    if body is not None:
        files[path] = body
    subscription.url = f"{base}{path}"
    subscription.save()
    assert import_subscription(subscription) is None
    subscription.refresh_from_db()
    assert problem in subscription.last_error
    assert ImportedEvent.objects.filter(subscription=subscription).count() == 2


def test_unreachable_host_is_reported(db):
    subscription = CalendarSubscription.objects.create(
        name="Gone", url="http://127.0.0.1:9/never.ics"
    )
    assert import_subscription(subscription) is None
    subscription.refresh_from_db()
    assert subscription.last_error.startswith("The feed could not be fetched")


def test_command_queues_imports_and_the_agenda_shows_them(client, demo, partner_server):
    base, files = partner_server
    files["/partner.ics"] = feed(FORUM)
    CalendarSubscription.objects.create(name="Partner", url=f"{base}/partner.ics")
    call_command("import_calendars", stdout=open("/dev/null", "w"))
    assert ImportedEvent.objects.count() == 1
    agenda = AgendaPage.objects.get(locale__language_code="en")
    html = client.get(agenda.url).content.decode()
    assert "Forum on local democracy" in html
    assert "From a partner&#x27;s calendar" in html


def test_problems_are_shown_to_editors_in_the_admin(admin_client, db):
    CalendarSubscription.objects.create(
        name="Partner",
        url="http://127.0.0.1:9/never.ics",
        last_error="The feed is larger than 5 MB.",
    )
    response = admin_client.get(reverse("wagtailsnippets_events_calendarsubscription:list"))
    assert "Problem: The feed is larger than 5 MB." in response.content.decode()


def test_a_working_group_can_follow_a_partner_calendar(client, partner_server):
    from workgroups.models import WorkingGroupPage

    base, files = partner_server
    files["/observatories.ics"] = feed(FORUM)
    group = WorkingGroupPage.objects.get(locale__language_code="en", slug="local-observatories")
    subscription = CalendarSubscription.objects.create(
        name="Latin American observatories", url=f"{base}/observatories.ics", working_group=group
    )
    import_subscription(subscription)
    assert "Forum on local democracy" in client.get(group.url).content.decode()
    agenda = AgendaPage.objects.get(locale__language_code="en")
    # The group's subscription is shown on its page, not in the network agenda.
    assert (
        "Forum on local democracy" not in client.get(f"{agenda.url}?type=partner").content.decode()
    )
