"""`manage.py start_site`: a new network's site on an empty database, as an operator
makes it after `migrate` (README, Production)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from core.models import HomePage, NetworkSettings, StandardPage
from events.models import ConferenceIndexPage, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_database(demo):
    """What `migrate` leaves: the root, Wagtail's placeholder page and its Site."""
    Site.objects.all().delete()
    Registration.objects.all().delete()  # pages delegates registered for are kept
    for page in Page.objects.filter(depth=2):
        page.delete()
    welcome = Page(title="Welcome to your new Wagtail site!", slug="home")
    welcome.content_type = ContentType.objects.get_for_model(Page)
    Page.get_first_root_node().add_child(instance=welcome)
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    return welcome


def test_an_empty_database_becomes_a_network_site(
    client, empty_database, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "start_site",
            "--name=Observatori de Prova",
            "--short-name=OBP",
            "--contact-email=secretaria@obp.example",
            stdout=io.StringIO(),
        )
    home = HomePage.objects.get(locale=Locale.get_default())
    assert not Page.objects.filter(pk=empty_database.pk).exists()
    site = Site.objects.get()
    assert (site.root_page_id, site.site_name, site.is_default_site) == (home.pk, "OBP", True)
    assert NetworkSettings.objects.get(site=site).contact_email == "secretaria@obp.example"

    page = client.get("/en/")
    assert page.status_code == 200 and "Observatori de Prova" in page.content.decode()
    menu = page.content.decode()
    for path in ("conferences", "working-groups", "agenda", "news", "newsletter"):
        assert f"/en/{path}/" in menu
        assert client.get(f"/en/{path}/").status_code == 200
    assert client.get("/en/partners-events/").status_code == 200

    # Publishing handed each page to the translators: a draft in every other language.
    conferences = ConferenceIndexPage.objects.get(locale=Locale.get_default())
    for locale in Locale.objects.exclude(pk=conferences.locale_id):
        draft = conferences.get_translation(locale)
        assert not draft.live


def test_it_never_touches_a_site_that_exists(demo):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="already has a home page: nothing was changed"):
        call_command("start_site", "--name=Another", "--short-name=X")
    assert Page.objects.count() == pages


def test_bad_options_say_which(demo):
    with pytest.raises(CommandError, match="--sender-email: not an email address"):
        call_command("start_site", "--name=N", "--short-name=N", "--sender-email=nope")


def test_a_page_in_the_way_is_named_and_nothing_changes(empty_database):
    # An operator made a page at /home/ before running it: Wagtail's placeholder stays.
    empty_database.slug = "welcome"
    empty_database.save()
    Page.get_first_root_node().add_child(instance=StandardPage(title="Mine", slug="home"))
    with pytest.raises(CommandError, match="Nothing was changed: .*slug"):
        call_command("start_site", "--name=N", "--short-name=N")
    assert not HomePage.objects.exists()
