"""Language alternates and menus, derived from the page tree."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.models import HomePage


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    #: False when the page has no live translation and the link leads to that locale's home.
    is_translation: bool


def locale_homes():
    """The live home page of each locale, keyed by language code."""
    return {
        home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")
    }


def language_links(request, page=None, route_suffix=""):
    """Where each language's version of this page is. `route_suffix` keeps a routable
    page's sub-page (e.g. "programme/") when the translation exists."""
    current = get_language()
    if page is not None and getattr(page, "pk", None):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = None
        links = []
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            url = target.get_url(request) if target is not None else None
            is_translation = url is not None
            if is_translation:
                url += route_suffix
            else:
                if homes is None:
                    homes = locale_homes()
                target = homes.get(code)
                if target is None:
                    continue
                url = target.get_url(request)
            links.append(
                LanguageLink(
                    code=code,
                    name=name,
                    url=url,
                    is_current=code == current,
                    is_translation=is_translation,
                )
            )
        return links
    # Views outside the page tree (search, errors) exist in every language.
    path = request.get_full_path()
    return [
        LanguageLink(code, name, translate_url(path, code), code == current, True)
        for code, name in settings.LANGUAGES
    ]


def current_home():
    return HomePage.objects.live().filter(locale=Locale.get_active()).first()


def main_menu(home):
    if home is None:
        return Page.objects.none()
    return home.get_children().live().public().in_menu()
