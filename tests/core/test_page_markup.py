"""What every page's markup tells search engines and assistive technology."""

from html.parser import HTMLParser

import pytest
from django.apps import apps

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.description, self.headings = None, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))


def parsed(response):
    assert response.status_code == 200
    head = Head()
    head.feed(response.content.decode())
    return head


#: Every page type with an introduction or a summary, and that field.
DESCRIBED = [
    ("core.HomePage", "intro"),
    ("core.StandardPage", "intro"),
    ("core.NewsIndexPage", "intro"),
    ("core.NewsPage", "intro"),
    ("events.ConferenceIndexPage", "intro"),
    ("events.ConferencePage", "intro"),
    ("events.SessionPage", "abstract"),
    ("events.AgendaPage", "intro"),
    ("events.EventIndexPage", "intro"),
    ("events.EventPage", "intro"),
    ("workgroups.WorkingGroupIndexPage", "intro"),
    ("workgroups.WorkingGroupPage", "mandate"),
    ("newsletter.NewsletterIndexPage", "intro"),
    ("newsletter.NewsletterIssuePage", "intro"),
]


@pytest.mark.parametrize(("model_name", "field"), DESCRIBED)
def test_a_page_without_search_description_is_described_by_its_intro_or_summary(
    client, demo, model_name, field
):
    """Before the fix no page had a meta description unless an editor wrote a search
    description: the parser found none (assert None == '...')."""
    model = apps.get_model(model_name)
    page = model.objects.live().filter(locale__language_code="en").first()
    assert page is not None, model_name
    page.search_description = ""
    setattr(page, field, "Cities that listen:\n  what  the network does, and how.")
    page.save_revision().publish()
    head = parsed(client.get(page.url))
    assert head.description == "Cities that listen: what the network does, and how."


def test_the_search_description_comes_first(client, demo):
    """An editor's search description wins over the introduction (as it did before)."""
    page = apps.get_model("core.NewsPage").objects.live().filter(locale__language_code="en")[0]
    page.search_description = "Written for search engines."
    page.save_revision().publish()
    assert parsed(client.get(page.url)).description == "Written for search engines."


def test_the_news_index_headings_skip_no_level(client, demo):
    """Before the fix the news cards' titles were h3 under the page's h1: the levels
    read [1, 3, 3, ...] and the assertion on the first step failed."""
    index = apps.get_model("core.NewsIndexPage").objects.get(locale__language_code="en")
    levels = parsed(client.get(index.url)).headings
    assert levels[0] == 1 and len(levels) > 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
