import re

import pytest

from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Subscriber, Topic


@pytest.fixture
def topics(demo):
    return {
        topic.translation_key: topic for topic in Topic.objects.filter(locale__language_code="en")
    }


@pytest.fixture
def topic(demo):
    """A topic by its English name."""

    def find(name, language="en"):
        english = Topic.objects.get(locale__language_code="en", name=name)
        return Topic.objects.get(
            translation_key=english.translation_key, locale__language_code=language
        )

    return find


@pytest.fixture
def archive(demo):
    return NewsletterIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def draft_issue(demo):
    return NewsletterIssuePage.objects.get(locale__language_code="en", slug="on-the-way-to-cascais")


@pytest.fixture
def sent_issue(demo):
    return NewsletterIssuePage.objects.get(locale__language_code="en", slug="2013-work-plan")


def links_in(text):
    return re.findall(r"https?://\S+", text)


def link_in(text, route):
    (found,) = [link for link in links_in(text) if f"/newsletter/{route}/" in link]
    return found.rstrip(".")


@pytest.fixture
def subscribe(client, topic, django_capture_on_commit_callbacks):
    """POST the public form; returns the response."""

    def post(
        email="leitora@exemplo.pt", language="pt", topics=("Network news",), page=None, **changes
    ):
        page = page or language
        data = {
            "email": email,
            "language": language,
            "topics": [topic(name, page).pk for name in topics],
            "consent": "on",
            "website": "",
            **changes,
        }
        data = {key: value for key, value in data.items() if value is not None}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{page}/newsletter/subscribe/", data)

    return post


def subscriber(email):
    return Subscriber.objects.get(email=email)
