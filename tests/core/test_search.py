"""Search finds the thing by its name, and each result says what it is, when, where in
the site, and what it is about, in the reader's language."""

import re

import pytest

from core.dates import date_range
from events.models import ConferencePage
from workgroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


def results(response):
    """Each result as (address, title, the line under it, summary)."""
    found = re.findall(
        r'<li class="search-result">\s*<h2 class="search-result__title"><a href="([^"]+)">'
        r"(.*?)</a></h2>\s*<p class=\"search-result__meta\">(.*?)</p>\s*"
        r'(?:<p class="search-result__summary">(.*?)</p>)?',
        response.content.decode(),
        re.S,
    )
    return [(url, title, re.sub(r"<[^>]+>", "", meta), text) for url, title, meta, text in found]


def conference(language):
    return ConferencePage.objects.get(locale__language_code=language, depth=4)


def group(language):
    return WorkingGroupPage.objects.get(locale__language_code=language, slug__contains="observ")


def test_a_place_finds_the_conference_held_there_first(client, demo):
    """Before, "cascais" listed the conference dinner (and a monthly meeting) above the
    conference, and no result said what it was."""
    cascais = conference("en")
    found = results(client.get("/en/search/", {"q": "cascais"}))
    url, title, meta, summary = found[0]
    assert (url, title) == (cascais.url, cascais.title)
    dates = date_range(cascais.start_date, cascais.end_date)
    assert meta == f"Conference · {dates} · Conferences"
    assert summary.startswith("The network&#x27;s 13th annual conference")
    dinner = next(r for r in found if r[1] == "Conference dinner")
    assert found.index(dinner) > 0
    # A session is dated in its conference's zone, and placed under its conference.
    assert re.fullmatch(
        rf"Session · \w+day, \d+ July {cascais.start_date.year}, 20:00–22:30 WEST · "
        rf"Conferences › {cascais.title}",
        dinner[2],
    ), dinner[2]
    assert dinner[3] == "Dinner for delegates, offered by Cascais Municipal Council."


def test_a_name_outranks_a_weightier_page_that_only_mentions_the_words(client, demo):
    found = results(client.get("/en/search/", {"q": "dinner"}))
    assert found[0][1] == "Conference dinner"


@pytest.mark.parametrize(
    ("language", "query", "first"),
    [
        ("ca", "cascais", lambda: conference("ca")),
        ("ca", "conferencia", lambda: conference("ca")),  # without the accent
        ("es", "observatorios", lambda: group("es")),
    ],
)
def test_a_search_in_a_language_finds_that_languages_pages_only(
    client, demo, language, query, first
):
    found = results(client.get(f"/{language}/search/", {"q": query}))
    assert len(found) > 2
    assert all(url.startswith(f"/{language}/") for url, *_rest in found), found
    assert found[0][0] == first().url


def test_results_say_what_each_page_is_in_the_readers_language(client, demo):
    found = results(client.get("/ca/search/", {"q": "cascais"}))
    kinds = {meta.split(" · ")[0] for _url, _title, meta, _summary in found}
    assert {"Conferència", "Sessió", "Grup de treball"} <= kinds
    cascais = conference("ca")
    assert f"{cascais.start_date.day}–5 de juliol de {cascais.start_date.year}" in found[0][2]


def test_every_result_page_of_a_long_search_is_ranked_as_a_whole(client, demo):
    """The ranking is over all the matches, not page by page: the second page goes on
    where the first stopped, with no result twice."""
    first = results(client.get("/en/search/", {"q": "participatory"}))
    second = results(client.get("/en/search/", {"q": "participatory", "page": 2}))
    assert len(first) == 10
    assert second
    assert not {r[0] for r in first} & {r[0] for r in second}


def test_a_summary_from_rich_text_keeps_its_words_apart(client, demo):
    """A meeting has no introduction: its agenda's first words, one list item after
    another, not run together ("observatoryShared indicators")."""
    found = results(client.get("/en/search/", {"q": "monthly"}))
    meeting = next(r for r in found if r[1] == "Monthly online meeting")
    assert meeting[2].startswith("Working group meeting · ")
    assert re.search(r"[a-z][A-Z]", meeting[3]) is None, meeting[3]
