from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.domain.search import SearchKind
from newsletter import admin_views
from newsletter.demo.loader import NewsletterDemo
from newsletter.domain.archive import unsent_issues
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Subscriber, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Newsletter topics")
    list_display = ["name", "section", "locale"]


register_snippet(TopicViewSet)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["email", "language", "status", "source", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "source", "topics"]
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50
    #: No email or status: an address is only ever confirmed by its owner's link.
    form_fields = ["language", "topics"]
    inspect_view_fields = [
        "email",
        "language",
        "topics",
        "status",
        "source",
        "created_at",
        "confirmed_at",
        "status_changed_at",
    ]


subscriber_viewset = SubscriberViewSet("subscribers")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


@hooks.register("register_admin_urls")
def register_sending_urls():
    return [
        path("newsletter/issues/", admin_views.issue_list, name="newsletter_issues"),
        path(
            "newsletter/issues/<int:page_id>/send/", admin_views.send_view, name="newsletter_send"
        ),
        path(
            "newsletter/issues/<int:page_id>/preview/<str:language>/",
            admin_views.preview_view,
            name="newsletter_preview",
        ),
    ]


class SendingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.SEND_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_sending_menu_item():
    return SendingMenuItem(
        _("Send newsletters"), reverse_lazy("newsletter_issues"), icon_name="mail", order=259
    )


class SendButton(PageMenuItem):
    label = _("Preview and send")
    icon_name = "mail"
    url_name = "newsletter_send"

    def is_shown(self, user):
        return user.has_perm(admin_views.SEND_PERMISSION)


@hooks.register("register_page_header_buttons")
def send_button(page, user, view_name=None, next_url=None):
    if page.specific_class is NewsletterIssuePage:
        yield SendButton(page=page, priority=30)


# --- what core asks of the apps (core.extensions) ----------------------------------


@hooks.register("xarxa_sections")
def newsletter_sections():
    return [(50, NewsletterIndexPage, "Newsletter", "newsletter", True)]


@hooks.register("xarxa_demo", order=90)
def newsletter_demo(loader, homes, *, as_in_2013):
    # Last: its topics point at the conference and the groups, and its draft issue
    # gathers what the others published.

    NewsletterDemo(loader, homes, as_in_2013=as_in_2013).run()


@hooks.register("xarxa_unlisted_pages")
def unsent_issue_ids():
    # An issue is published before it is sent, and public only once sent.

    return unsent_issues().values_list("pk", flat=True)


@hooks.register("xarxa_search_kinds")
def newsletter_search_kinds():
    return {NewsletterIssuePage: SearchKind(_("Newsletter"), 0.25)}
