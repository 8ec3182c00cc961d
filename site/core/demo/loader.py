"""Builds the demo network. Safe to run again: what exists is left as it is.

Every object gets a translation key derived from a stable name, so a second run
finds what the first one made (in every locale) instead of making it again.
"""

import json
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page

from core import extensions
from core.demo import content
from core.demo.news import NEWS
from core.domain import site_setup, translations
from core.models import (
    GlossaryTerm,
    HomePage,
    NetworkSettings,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Region,
    StandardPage,
)

NAMESPACE = uuid.UUID("6f1c1f4e-7a55-4d2b-9a7e-0d1f3b0f9c21")
SOURCE_LANGUAGE = "en"


def demo_key(name):
    return uuid.uuid5(NAMESPACE, name)


class DemoLoader:
    def __init__(self, log=print, as_in_2013=False):
        self.log = log
        self.as_in_2013 = as_in_2013
        self.created = 0

    def run(self):
        with transaction.atomic(), translations.written_by_hand():
            self.locales = {
                code: Locale.objects.get_or_create(language_code=code)[0]
                for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            }
            site_setup.remove_wagtail_welcome_page()
            regions = self.load_regions()
            self.load_organisations(regions)
            homes = self.load_homes()
            self.load_site(homes[SOURCE_LANGUAGE])
            self.load_about(homes)
            self.load_news(homes)
            self.load_apps(homes)
            self.load_glossary()
            self.track_translations()
        return self.created

    def load_glossary(self):
        for term, kind in content.GLOSSARY:
            GlossaryTerm.objects.get_or_create(term=term, defaults={"kind": kind})

    def track_translations(self):
        """Hand the demo's translations to wagtail-localize, as if translators had made
        them there, so the dashboard and the translation editor start from real state."""
        for page in translations.source_pages():
            translations.track_existing_translations(page)

    def load_apps(self, homes):
        # Each app adds its own part of the network to the same tree, in the order of
        # their hooks (the newsletter last: its draft gathers what the others published).

        extensions.load_demo(self, homes, as_in_2013=self.as_in_2013)

    # Snippets -------------------------------------------------------------

    def ensure_snippet(self, model, demo_name, language, **fields):
        locale = self.locales[language]
        key = demo_key(f"{model._meta.label}:{demo_name}")
        obj = model.objects.filter(translation_key=key, locale=locale).first()
        if obj is None:
            obj = model.objects.create(translation_key=key, locale=locale, **fields)
            self.created += 1
        return obj

    def load_regions(self):
        regions = {}
        for name, languages in content.REGIONS.items():
            for language, fields in languages.items():
                regions[name, language] = self.ensure_snippet(Region, name, language, **fields)
        return regions

    def load_organisations(self, regions):
        for name, (kind, country, region, website, since, names) in content.ORGANISATIONS.items():
            for language, title in names.items():
                self.ensure_snippet(
                    Organisation,
                    name,
                    language,
                    name=title,
                    kind=kind,
                    country=country,
                    region=regions[region, language],
                    website=website,
                    member_since=since,
                )

    # Pages ----------------------------------------------------------------

    def ensure_page(self, parent, model, demo_name, language, tags=(), **fields):
        locale = self.locales[language]
        key = demo_key(f"page:{demo_name}")
        page = model.objects.filter(translation_key=key, locale=locale).first()
        if page is not None:
            return page
        if "body" in fields:
            fields["body"] = json.dumps(fields["body"])
        page = model(translation_key=key, locale=locale, **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def load_homes(self):
        root = Page.get_first_root_node()
        return {
            language: self.ensure_page(root, HomePage, "home", language, **fields)
            for language, fields in content.HOME.items()
        }

    def load_site(self, home):
        site = site_setup.point_site_at(home, content.NETWORK["short_name"])
        if not NetworkSettings.objects.filter(site=site).exists():
            NetworkSettings.objects.create(site=site, **content.NETWORK)
            self.created += 1

    def load_about(self, homes):
        for language, fields in content.ABOUT.items():
            self.ensure_page(
                homes[language], StandardPage, "about", language, show_in_menus=True, **fields
            )

    def load_news(self, homes):
        indexes = {
            language: self.ensure_page(
                homes[language], NewsIndexPage, "news", language, show_in_menus=True, **fields
            )
            for language, fields in content.NEWS_INDEX.items()
        }
        for name, (date, tags, languages) in NEWS.items():
            for language, fields in languages.items():
                self.ensure_page(
                    indexes[language],
                    NewsPage,
                    f"news:{name}",
                    language,
                    tags=tags,
                    date=date,
                    **fields,
                )


def ensure_admin(password=None, password_file=None):
    """The demo's admin account. Returns (user, password or None when unchanged)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="admin",
        defaults={"email": "admin@xarxa.localhost", "is_staff": True, "is_superuser": True},
    )
    if password:
        if not user.check_password(password):
            user.set_password(password)
            user.save()
        # The generated password no longer opens the account: a later run without the
        # variable must not print it as the password.
        if password_file is not None and password_file.exists():
            password_file.unlink()
        return user, password
    if created:
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        if password_file is not None:
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        return user, password
    if password_file is not None and password_file.exists():
        return user, password_file.read_text().strip()
    return user, None
