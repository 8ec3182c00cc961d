from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.domain.privacy import current_notice
from core.models import SECTION_FIELDS, SectionPage
from core.translation import page_fields
from newsletter.blocks import IssueBlock

ISSUES_PER_PAGE = 12


def single_line(value):
    if "\n" in value or "\r" in value:
        raise ValidationError(_("Write the subject on one line."))


def default_locale_only():
    # Topics are chosen in the default language; translations share them.
    return {"locale__language_code": settings.LANGUAGE_CODE}


class NewsletterIndexPage(SectionPage):
    """The public archive: every issue that has been sent, newest first."""

    translatable_fields = SECTION_FIELDS
    subpage_types = ["newsletter.NewsletterIssuePage"]
    template = "newsletter/newsletter_index_page.html"

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from newsletter.domain.archive import sent_issues
        from newsletter.forms import SubscribeForm

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = Paginator(sent_issues(self), ISSUES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["subscribe_form"] = SubscribeForm(locale=self.locale)
        context["notice"] = current_notice(self.locale.language_code)
        return context


class NewsletterIssuePage(Page):
    subject = models.CharField(
        _("email subject"),
        max_length=150,
        validators=[single_line],
        help_text=_("What readers see in their inbox."),
    )
    preheader = models.CharField(
        _("preheader"),
        max_length=200,
        blank=True,
        help_text=_("The line inboxes show after the subject."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    topics = ParentalManyToManyField(
        "newsletter.Topic",
        verbose_name=_("topics"),
        blank=True,
        limit_choices_to=default_locale_only,
        help_text=_("The issue goes to subscribers of any of these topics."),
    )
    body = StreamField(IssueBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("intro"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subject"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("subject"),
        APIField("preheader"),
        APIField("intro"),
        APIField("body"),
    ]
    translatable_fields = page_fields(
        TranslatableField("subject"),
        TranslatableField("preheader"),
        TranslatableField("intro"),
        SynchronizedField("topics"),
        TranslatableField("body"),
    )
    preview_modes = [("", _("Web page")), ("email", _("Email"))]

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/newsletter_issue_page.html"

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def serve(self, request, *args, **kwargs):
        # Published to be sent, but public only once it goes out (the archive's rule).

        # The views and rules it calls import the models: a cycle inside the app.
        from newsletter.domain.archive import is_sent

        if not is_sent(self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # The views and rules it calls import the models: a cycle inside the app.
        from newsletter.domain.archive import is_sent

        return super().get_sitemap_urls(request) if is_sent(self) else []

    def full_clean(self, *args, **kwargs):
        # Filled before validation, so the editor sees (and can trim) what was found.
        from newsletter.domain.archive import fill_published_since

        fill_published_since(self)
        super().full_clean(*args, **kwargs)

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            # The views and rules it calls import the models: a cycle inside the app.
            from newsletter.admin_views import PREVIEW_CSP
            from newsletter.domain.rendering import preview_html

            response = HttpResponse(preview_html(self))
            response["Content-Security-Policy"] = PREVIEW_CSP
            return response
        return super().serve_preview(request, mode_name)
