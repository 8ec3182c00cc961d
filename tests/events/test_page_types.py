import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from core.models import HomePage, StandardPage
from events.models import (
    AgendaPage,
    ConferenceIndexPage,
    ConferencePage,
    EventIndexPage,
    EventPage,
    SessionPage,
)


class EventPageTypeTests(WagtailPageTestCase):
    def test_conference_tree(self):
        self.assertAllowedParentPageTypes(ConferenceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConferenceIndexPage, {ConferencePage})
        self.assertAllowedParentPageTypes(ConferencePage, {ConferenceIndexPage})
        self.assertAllowedSubpageTypes(ConferencePage, {SessionPage})
        self.assertAllowedParentPageTypes(SessionPage, {ConferencePage})
        self.assertAllowedSubpageTypes(SessionPage, set())
        self.assertCanNotCreateAt(HomePage, ConferencePage)
        self.assertCanNotCreateAt(StandardPage, SessionPage)

    def test_external_events_and_agenda(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(AgendaPage, {HomePage})
        self.assertAllowedSubpageTypes(AgendaPage, set())
        self.assertCanNotCreateAt(Page, AgendaPage)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [ConferenceIndexPage, ConferencePage, SessionPage, EventIndexPage, EventPage, AgendaPage],
)
@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_demo_pages_render_in_each_language(client, demo, model, language):
    page = model.objects.live().filter(locale__language_code=language).first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_session_guid_is_shared_by_translations(demo):
    en = SessionPage.objects.get(locale__language_code="en", slug="members-session")
    ca = SessionPage.objects.get(locale__language_code="ca", slug="members-session")
    assert en.pk != ca.pk
    assert en.guid == ca.guid


def test_demo_conference_is_cascais_in_the_coming_july(demo):
    from django.utils import timezone

    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    assert conference.title == "13a Conferència de l'OIDP"
    assert conference.theme == "Ciutadania per a la sostenibilitat"
    assert (conference.start_date.month, conference.start_date.day) == (7, 2)
    assert (conference.end_date.month, conference.end_date.day) == (7, 5)
    assert conference.end_date >= timezone.localdate()
    assert conference.registration_opens <= timezone.now() < conference.registration_closes
    sessions = SessionPage.objects.child_of(conference)
    assert sessions.count() >= 15
    assert {s.start.astimezone(conference.zone).date() for s in sessions} == {
        conference.start_date.replace(day=d) for d in (2, 3, 4, 5)
    }
    assert len({s.room_id for s in sessions}) >= 3
    assert len({tuple(s.languages) for s in sessions}) >= 4
    assert sessions.exclude(interpretation=[]).exists()
    assert sessions.filter(slug="local-observatories", kind="workshop").exists()


DEMO_YEARS = (
    "import json; from core.models import NewsPage; "
    "from events.models import ConferencePage, SessionPage; "
    "from workgroups.models import MeetingPage; "
    "print(json.dumps({"
    "'conferences': sorted({y for c in ConferencePage.objects.all() "
    "for y in (c.start_date.year, c.end_date.year)}), "
    "'sessions': sorted({s.start.year for s in SessionPage.objects.all()}), "
    "'meetings': sorted({m.start.year for m in MeetingPage.objects.all()}), "
    "'news': sorted({n.date.year for n in NewsPage.objects.all()}), "
    "'counts': [ConferencePage.objects.count(), SessionPage.objects.count(), "
    "MeetingPage.objects.count(), NewsPage.objects.count()]}))"
)


def test_load_demo_as_in_2013_keeps_the_original_dates(tmp_path):
    """`manage.py load_demo --as-in-2013` on a new database, as a person would run it.

    Before, this test only checked demo_year(as_in_2013=True) == 2013, a constant."""
    import json

    from tests.core.test_settings import manage

    env = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "XARXA_VAR_DIR": str(tmp_path)}
    for command in (["migrate", "--noinput", "-v0"], ["load_demo", "--as-in-2013"]):
        result = manage(*command, env=env, timeout=900)
        assert result.returncode == 0, result.stderr
    result = manage("shell", "--no-imports", "-c", DEMO_YEARS, env=env)
    assert result.returncode == 0, result.stderr
    years = json.loads(result.stdout.strip().splitlines()[-1])
    assert all(count > 0 for count in years.pop("counts")), years
    assert years == {
        "conferences": [2013],
        "sessions": [2013],
        "meetings": [2013],
        "news": [2013],
    }


def test_the_demo_year_is_the_first_whose_registration_is_open():
    import datetime

    from events.demo.loader import demo_year

    assert demo_year(False, today=datetime.date(2026, 12, 1)) == 2027
    assert demo_year(False, today=datetime.date(2027, 6, 28)) == 2027
    # Registration for 2-5 July closes as 30 June begins in Lisbon: keep a day's margin.
    assert demo_year(False, today=datetime.date(2027, 6, 29)) == 2028
    assert demo_year(False, today=datetime.date(2027, 7, 3)) == 2028
