import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from events.models import ConferencePage, SessionPage


def person(username, *groups, language="en"):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


@pytest.fixture
def editor(db):
    return person("editor", "Editors")


@pytest.fixture
def moderator(db):
    return person("moderator", "Moderators", language="ca")


@pytest.fixture
def translator(db):
    return person("traductora", "Translators (ca)", language="ca")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def session(demo, locales):
    """A demo session, live in English and in Catalan (translated by hand in the demo)."""
    return SessionPage.objects.get(locale=locales["en"], title__startswith="Opening plenary")


@pytest.fixture
def conference(demo, locales):
    return ConferencePage.objects.get(locale=locales["en"], slug="13th-conference-cascais")
