import os
from pathlib import Path

import pytest
from django.db import connection
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase, ReadOnlyDatabase

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI") == "true"

# Hypothesis: `make test` replays the committed examples (inputs that once failed),
# then explores from a fixed seed (bin/run-tests), so a run cannot fail on an input
# nobody has seen. `make fuzz` explores at random and saves what fails beside them.
EXAMPLES = DirectoryBasedExampleDatabase(Path(__file__).parent / "data" / "hypothesis")
hypothesis_settings.register_profile("replay", database=ReadOnlyDatabase(EXAMPLES))
hypothesis_settings.register_profile("explore", database=EXAMPLES, max_examples=400)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "replay"))


def pytest_collection_modifyitems(items):
    # Browser tests run once, in the PostgreSQL pass, like the fuzz and subprocess tests.
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.once)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths; a test that moves a Site must not leak into the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request to /ca/ leaves Catalan active in the thread after the response, and the
    # next test read its validation messages in Catalan (seen when test_agenda ran just
    # before test_sending). Each test starts in the site's default language.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _anymail_test_backend(settings):
    # Django's test set-up swaps EMAIL_BACKEND for locmem; send through anymail's test
    # backend as the settings say, so batch sends, merge data and headers are checked.
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


@pytest.fixture
def deferring_backend(settings):
    """The dummy task backend: it keeps what was enqueued, with its run_after, instead
    of running it."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        if IN_CI:
            pytest.fail("CI=true: postgres tests must run on PostgreSQL (DATABASE_URL)")
        pytest.skip("needs PostgreSQL: make test runs these on a throwaway cluster")


@pytest.fixture(autouse=True)
def _redis_only(request):
    if request.node.get_closest_marker("redis") and not os.environ.get("XARXA_TEST_REDIS_URL"):
        if IN_CI:
            pytest.fail("CI=true: redis tests must run against Redis (XARXA_TEST_REDIS_URL)")
        pytest.skip("needs Redis: make test runs these against a throwaway redis-server")


def ensure_wagtail_tree():
    """The rows migrations leave behind (locales, the tree's root) after a flush.

    Transactional tests flush the database when they end. Django's serialized
    rollback cannot restore it under Playwright: its greenlets get their own
    database connection objects, which lack the serialized copy.
    """
    from django.conf import settings
    from wagtail.models import Locale, Page

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    # The groups and the review workflow come from a data migration, which a flush undoes.
    from django.apps import apps

    from core.roles import apply_roles

    apply_roles(apps)


@pytest.fixture
def live_demo(transactional_db):
    """The demo network, committed, for tests that drive the live server."""
    from core.demo.loader import DemoLoader

    ensure_wagtail_tree()
    DemoLoader(log=lambda *a: None).run()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo network once, into the test database every test starts from.

    Tests run in transactions rolled back at their end, so each sees it unchanged.
    """
    from core.demo.loader import DemoLoader

    with django_db_blocker.unblock():
        DemoLoader(log=lambda *a: None).run()


@pytest.fixture
def demo(db):
    """The demo network, as `manage.py load_demo` builds it (loaded at database setup)."""


# Working groups: shared with the fuzz of the pages behind a member's link.


@pytest.fixture
def observatories(demo):
    from workgroups.models import WorkingGroupPage

    return WorkingGroupPage.objects.get(locale__language_code="en", slug="local-observatories")


@pytest.fixture
def member(observatories):
    """An approved member and their two tokens: (membership, manage token, feed token)."""

    from workgroups.domain import membership as domain

    def make(email="new.member@example.org", language="es", group=None):
        membership = domain.request_to_join(
            group or observatories,
            {
                "name": "Nova Membre",
                "email": email,
                "organisation": None,
                "organisation_name": "Ajuntament de Girona",
                "language": language,
                "motivation": "We ran an observatory in 2005.",
                "show_on_page": False,
            },
            privacy_version="2027-1",
        )
        from core.models import OutboxMessage

        domain.approve(membership)
        welcome = OutboxMessage.objects.filter(to=email).latest("pk").text
        import re

        manage = re.search(r"/member/([\w\-]+)/\n", welcome).group(1)
        feed = re.search(r"/member/([\w\-]+)/calendar\.ics", welcome).group(1)
        membership.refresh_from_db()
        return membership, manage, feed

    return make
