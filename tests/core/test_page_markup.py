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


def test_the_news_index_headings_skip_no_level(client, demo):
    """Before the fix the news cards' titles were h3 under the page's h1: the levels
    read [1, 3, 3, ...] and the assertion on the first step failed."""
    index = apps.get_model("core.NewsIndexPage").objects.get(locale__language_code="en")
    levels = parsed(client.get(index.url)).headings
    assert levels[0] == 1 and len(levels) > 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
