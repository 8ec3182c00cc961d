import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from core.models import HomePage
from events.models import SessionPage
from workgroups.models import MeetingPage, WorkingGroupIndexPage, WorkingGroupPage

pytestmark = pytest.mark.django_db


def test_where_each_page_type_goes():
    case = WagtailPageTestCase()
    case.assertAllowedSubpageTypes(WorkingGroupIndexPage, {WorkingGroupPage})
    case.assertAllowedSubpageTypes(WorkingGroupPage, {MeetingPage})
    case.assertAllowedSubpageTypes(MeetingPage, set())
    case.assertAllowedParentPageTypes(WorkingGroupIndexPage, {HomePage})
    case.assertCanNotCreateAt(SessionPage, WorkingGroupPage)


def test_pages_render_in_three_languages(client, observatories, monthly):
    for language in ("en", "ca", "es"):
        for page in (observatories, monthly, observatories.get_parent()):
            translated = page.specific_class.objects.get(
                translation_key=page.translation_key, locale__language_code=language
            )
            response = client.get(translated.url)
            assert response.status_code == 200, translated.url
            assert f'lang="{language}"' in response.content.decode()


def test_meeting_pages_name_the_zone_in_words(client, observatories, monthly):
    """The meeting's zone as a city, not as the database's 'Area/City' name."""
    city = monthly.time_zone.rsplit("/", 1)[-1].replace("_", " ")
    for url in (monthly.url, observatories.url):
        html = client.get(url).content.decode()
        assert f"{city} time (" in html, url
        assert monthly.time_zone not in html, url


def test_api_types(client, observatories):
    for type_name in ("workgroups.WorkingGroupPage", "workgroups.MeetingPage"):
        response = client.get(f"/api/v2/pages/?type={type_name}&fields=*")
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] >= 2


def test_a_meeting_form_takes_times_in_the_meetings_zone(admin_client, observatories):
    from django.utils import timezone

    data = {
        "title": "Porto Alegre evening",
        "slug": "porto-alegre-evening",
        "start": "2027-03-10 19:00",
        "end": "2027-03-10 21:00",
        "time_zone": "America/Sao_Paulo",
        "repeat": "none",
        "interval": "1",
        "format": "online",
        "online_link": "https://meet.example.org/poa",
        "status": "scheduled",
        "public": "on",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
        "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    response = admin_client.post(
        f"/admin/pages/add/workgroups/meetingpage/{observatories.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = MeetingPage.objects.get(slug="porto-alegre-evening")
    assert timezone.localtime(meeting.start, meeting.zone).hour == 19
    assert meeting.start.astimezone(datetime.UTC).hour == 22
