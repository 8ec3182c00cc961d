"""A new network's site: what an empty production database needs before editors start.

`migrate` leaves the locales, the roles and Wagtail's placeholder page. The network's
home page, its sections (each a page type of its own, once under the home page) and
the Site answering on XARXA_BASE_URL are made here, in the source language, and
published: publishing hands each page to the translators as a draft in every other
language, as it does for any page an editor publishes.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from core import extensions
from core.models import HomePage, NetworkSettings


class AlreadySetUp(Exception):
    pass


def sections():
    """(page type, title, slug, in the menu) of each section under the home page, as
    the apps (and core, for news) register them."""
    return extensions.sections()


def remove_wagtail_welcome_page():
    """The placeholder Wagtail's first migration makes (its Site goes with it); never an
    editor's page, which is never a plain Page."""
    plain_page = ContentType.objects.get_for_model(Page)
    Page.objects.filter(content_type=plain_page, depth=2, numchild=0).delete()


def point_site_at(home, site_name):
    """The default Site answers on XARXA_BASE_URL with `home` as its root, so absolute
    links (emails, feeds, the sitemap) point where the site really runs."""
    base = urlsplit(settings.XARXA_BASE_URL)
    wanted = {
        "hostname": base.hostname,
        "port": base.port or (443 if base.scheme == "https" else 80),
        "root_page_id": home.pk,
        "site_name": site_name,
    }
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    return site


def start_site(network_name, short_name, contact_email="", sender_email=""):
    """The home page, its sections, the Site and the network's settings. Refuses a
    database that already has a home page: it never touches editors' work."""
    with transaction.atomic():
        if HomePage.objects.exists():
            raise AlreadySetUp
        remove_wagtail_welcome_page()
        locale = Locale.get_default()
        home = HomePage(title=network_name, network_name=network_name, slug="home", locale=locale)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        for model, title, slug, in_menu in sections():
            page = model(title=title, slug=slug, locale=locale, show_in_menus=in_menu)
            home.add_child(instance=page)
            page.save_revision().publish()
        site = point_site_at(home, short_name)
        NetworkSettings.objects.update_or_create(
            site=site,
            defaults={
                "short_name": short_name,
                "contact_email": contact_email,
                "default_sender_name": short_name,
                "default_sender_email": sender_email,
            },
        )
    return home
