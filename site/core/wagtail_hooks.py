from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import admin_views
from core.dates import long_date
from core.domain import page_cache, translations
from core.domain.search import SearchKind
from core.models import (
    GlossaryTerm,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Person,
    PrivacyNotice,
    Region,
)


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "office"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "country", "region", "member_since"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "organisation", "position"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (RegionViewSet, OrganisationViewSet, PersonViewSet)
    menu_icon = "globe"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    list_display = ["term", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["term"]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", admin_views.translation_dashboard, name="translation_status"),
        path(
            "translations/<int:page_id>/submit/",
            admin_views.submit_translation,
            name="translation_submit",
        ),
        # In front of wagtail-localize's own view at this address (core's hooks come
        # first, as core comes before wagtail_localize in INSTALLED_APPS).
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            admin_views.convert_to_alias,
            name="translation_convert_to_alias",
        ),
    ]


@hooks.register("construct_page_action_menu")
def only_publishers_convert_translations_to_aliases(menu_items, request, context):
    page = context.get("page")
    if page is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse_lazy("translation_status"), icon_name="site", order=50
    )


class SubmitTranslationButton(PageMenuItem):
    label = _("Submit for review")
    icon_name = "resubmit"
    url_name = "translation_submit"


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, view_name=None, next_url=None):
    """The translation editor has no "submit" of its own: this starts the review, from
    the page's menu in the page tree (and from the translation-status dashboard)."""
    # English pages have no translation into English, so they stop at the first test.
    if not translations.edited_in_the_translation_editor(page, user):
        return
    if page.permissions_for_user(user).can_edit():
        yield SubmitTranslationButton(page=page, priority=10)


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        "xarxa.translation.submit",
        _("Translation submitted for review"),
        _("Translation submitted for review"),
    )

    @actions.register_action("xarxa.translation.synchronize")
    class Synchronized(LogFormatter):
        label = _("Synchronized from the source")

        def format_message(self, log_entry):
            return _("Synchronized from the source: %(fields)s") % {
                "fields": ", ".join(log_entry.data.get("fields", []))
            }


@hooks.register("before_serve_page")
def mark_public_pages_for_the_page_cache(page, request, serve_args, serve_kwargs):
    # Its two queries only where a copy could be kept: not for a POST, nor for an editor.
    if page_cache.may_serve_from_cache(request):
        page_cache.mark_public(page, request)


# --- what core asks of every app (core.extensions); news is core's own section -----


@hooks.register("xarxa_sections")
def news_section():
    return [(40, NewsIndexPage, "News", "news", True)]


@hooks.register("xarxa_search_kinds")
def core_search_kinds():
    return {NewsPage: SearchKind(_("News"), weight=0.5, date=lambda page: long_date(page.date))}


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "lock"
    menu_label = _("Privacy notices")
    list_display = ["version", "effective_from", "locale"]


register_snippet(PrivacyNoticeViewSet)


@hooks.register("xarxa_newsworthy_models")
def newsworthy_news():
    return [(10, NewsPage)]
