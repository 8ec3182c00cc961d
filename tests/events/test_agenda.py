import re

import pytest

from core.models import Region
from events.models import AgendaPage, CalendarSubscription, ConferencePage, EventPage
from workgroups.models import MeetingPage

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def agenda(demo):
    return AgendaPage.objects.get(locale__language_code="en")


def test_agenda_lists_conference_and_external_events_in_date_order(client, agenda):
    html = client.get(agenda.url).content.decode()
    found = titles(html)
    assert "13th OIDP Conference" in found
    assert "4th UCLG Congress: Summit of Local and Regional Leaders" in found
    chicago = found.index("Second Conference on Participatory Budgeting in the US and Canada")
    assert (
        chicago
        < found.index("13th OIDP Conference")
        < found.index("4th UCLG Congress: Summit of Local and Regional Leaders")
    )


def test_agenda_filters_by_type(client, agenda):
    html = client.get(agenda.url, {"type": "conference"}).content.decode()
    assert titles(html) == ["13th OIDP Conference"]
    html = client.get(agenda.url, {"type": "external"}).content.decode()
    assert "13th OIDP Conference" not in titles(html) and len(titles(html)) == 3


def test_agenda_filters_by_region(client, agenda):
    africa = Region.objects.get(locale__language_code="en", name="Africa")
    html = client.get(agenda.url, {"region": africa.pk}).content.decode()
    group = "Local Observatories of Participatory Democracy"  # works in Africa too
    assert titles(html) == [
        f"Monthly online meeting ({group})",
        f"Working group meeting at the Cascais conference ({group})",
        "4th UCLG Congress: Summit of Local and Regional Leaders",
    ]


def test_bad_filter_is_explained(client, agenda):
    response = client.get(agenda.url, {"region": "999999", "type": "nonsense"})
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_agenda_is_paginated(client, agenda, monkeypatch):
    from events.domain import agenda as agenda_domain

    monkeypatch.setattr(agenda_domain, "AGENDA_PER_PAGE", 2)
    first = client.get(agenda.url).content.decode()
    second = client.get(agenda.url, {"page": 2}).content.decode()
    assert len(titles(first)) == 2 and len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    assert 'rel="next" href="?page=2"' in first
    filtered = client.get(agenda.url, {"type": "external"}).content.decode()
    assert 'href="?type=external&amp;page=2"' in filtered


def test_agenda_in_catalan(client, demo):
    agenda = AgendaPage.objects.get(locale__language_code="ca")
    html = client.get(agenda.url).content.decode()
    assert "13a Conferència de l&#x27;OIDP" in html
    assert "Esdeveniment extern" in html and "Conferència de la xarxa" in html
    assert "Totes les regions" in html


def clear_upcoming(agenda):
    """Leave the English agenda with nothing coming up: conferences and external events
    unpublished, partner calendars switched off, meetings unpublished."""
    for model in (ConferencePage, EventPage, MeetingPage):
        for page in model.objects.live():
            page.unpublish()
    CalendarSubscription.objects.update(active=False)


def test_empty_agenda_without_filters_does_not_blame_the_filters(client, agenda):
    clear_upcoming(agenda)
    html = client.get(agenda.url).content.decode()
    assert titles(html) == []
    assert "Nothing is planned yet." in html
    assert 'href="?when=past"' in html
    assert "matches" not in html


def test_empty_agenda_with_a_filter_names_the_filters(client, agenda):
    clear_upcoming(agenda)
    html = client.get(agenda.url, {"type": "conference"}).content.decode()
    assert "Nothing on the agenda matches. Choose another region or type." in html
    assert "Nothing is planned yet." not in html
