"""Site search: which pages come first, and what a reader sees of each result.

The search backend's relevance (SQLite's bm25, PostgreSQL's ts_rank) counts words in
the whole page, so a session that names the conference's city in its abstract came
before the conference itself. Readers look for a thing by its name: a page whose name
has the words they typed comes first, and among those a conference or a working group
before the sessions and news that mention it. The apps say how much each of their page
types weighs, how it is dated and what else names it (`xarxa_search_kinds` hooks, in
`core.extensions.search_kinds`)."""

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.domain.page_description import meta_description

#: Pages the backend finds that are ranked again here; past these, its own order stands
#: (a reader does not page that far).
CANDIDATES = 200
#: A name with every word looked for outweighs any type's weight (at most 2).
NAME_WEIGHT = 4
SUMMARY_WORDS = 30
TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class SearchKind:
    #: What the reader is told the page is ("Conference"), in their language.
    label: str
    #: Added to the score: a key page (a conference, a working group) more than a
    #: session or a news item that mentions it.
    weight: float = 0
    #: The page's date as the reader reads it (their language, the event's zone), or "".
    date: Callable | None = None
    #: Words that name the page besides its title (a conference's city and acronym).
    names: Callable | None = None


#: Pages of a type no app describes: a standard page, a section's index.
PLAIN = SearchKind(label=_("Page"))


@dataclass(frozen=True)
class Result:
    page: Page
    kind: str
    date: str
    section: str
    summary: str


def words(text):
    """Lower case, without accents, so "Conferència" is found by "conferencia"."""
    folded = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return plain.split()


def name_match(query_words, page, kind):
    """The share of the words looked for that begin a word of the page's name
    ("budget" names "Participatory budgeting")."""
    if not query_words:
        return 0.0
    name = words(page.title)
    if kind.names:
        name += words(kind.names(page))
    found = sum(1 for q in query_words if any(w.startswith(q) for w in name))
    return found / len(query_words)


def rank(pages, query, kinds):
    """`pages` (a search's results, most relevant first, specific) in the order a reader
    expects: the name first, then the type's weight, then the backend's relevance."""
    pages = list(pages)
    query_words = words(query)
    count = len(pages) or 1

    def score(item):
        position, page = item
        kind = kinds.get(type(page), PLAIN)
        relevance = 1 - position / count
        return NAME_WEIGHT * name_match(query_words, page, kind) + kind.weight + relevance

    return [page for _position, page in sorted(enumerate(pages), key=score, reverse=True)]


def search(pages, parsed_query, query, kinds):
    found = pages.specific().search(parsed_query)[:CANDIDATES]
    return rank(found, query, kinds)


def summary(page):
    """The editor's search description, else the page's introduction or abstract, else
    the first words of its body."""
    text = meta_description(page)
    if not text:
        for field in ("body", "agenda"):
            value = getattr(page, field, None)
            if value:
                # A space for each tag: list items and paragraphs do not run together.
                text = " ".join(html.unescape(TAG.sub(" ", str(value))).split())
                break
    return Truncator(text).words(SUMMARY_WORDS)


def sections(pages):
    """Each page's place in the site: its section (the home page's child) and, below
    that, its parent ("Conferences › 13th OIDP Conference"), in one query."""
    step = Page.steplen

    def places(page):
        depths = [3] if page.depth > 3 else []
        return [page.path[: depth * step] for depth in (*depths, page.depth - 1) if depth >= 3]

    wanted = {path for page in pages for path in places(page)}
    titles = dict(Page.objects.filter(path__in=wanted).values_list("path", "title"))
    return {
        page.pk: " › ".join(dict.fromkeys(titles[p] for p in places(page) if p in titles))
        for page in pages
    }


def describe(pages, kinds):
    """What the results page shows of each page, in the active language."""
    pages = list(pages)
    places = sections(pages)
    results = []
    for page in pages:
        kind = kinds.get(type(page), PLAIN)
        results.append(
            Result(
                page=page,
                kind=str(kind.label),
                date=kind.date(page) if kind.date else "",
                section=places[page.pk],
                summary=summary(page),
            )
        )
    return results
