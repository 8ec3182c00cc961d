"""Admin pages for the editorial workflow: the translation-status dashboard and
sending a translation to the moderators."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.views.convert import convert_to_alias as localize_convert

from core import choices
from core.domain import translation_status as status
from core.domain import translations
from core.roles import translators_group

STATUS_LABELS = {
    status.MISSING: gettext_lazy("Missing"),
    status.OUTDATED: gettext_lazy("Outdated"),
    status.UP_TO_DATE: gettext_lazy("Up to date"),
}


class StatusFilter(forms.Form):
    locale = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.none(),
        required=False,
        empty_label=gettext_lazy("All languages"),
        to_field_name="language_code",
    )
    section = choices.ModelChoiceField(
        label=gettext_lazy("Section"),
        queryset=Page.objects.none(),
        required=False,
        empty_label=gettext_lazy("Whole site"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *STATUS_LABELS.items()],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = Locale.objects.exclude(
            pk=Locale.get_default().pk
        ).order_by("language_code")
        self.fields["locale"].label_from_instance = lambda locale: locale.get_display_name()
        self.fields["section"].queryset = status.sections()


def _own_locale(user):
    """A translator's dashboard opens on their language."""
    for locale in Locale.objects.exclude(pk=Locale.get_default().pk):
        if user.groups.filter(name=translators_group(locale.language_code)).exists():
            return locale.language_code
    return ""


def translation_dashboard(request):
    filters = request.GET.copy()
    filters.pop("p", None)
    data = filters if filters else {"locale": _own_locale(request.user)}
    form = StatusFilter(data)
    form.is_valid()
    chosen = form.cleaned_data.get("locale")
    locales = [chosen] if chosen else list(form.fields["locale"].queryset)
    rows = status.status_table(locales=locales, section=form.cleaned_data.get("section"))
    totals = status.totals(rows, locales)
    if wanted := form.cleaned_data.get("status"):
        rows = status.only(rows, status=wanted, locale=chosen)
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    query = filters.copy() if filters else QueryDict(mutable=True)
    if not filters:
        query.update(data)  # the next page keeps the translator's language
    return TemplateResponse(
        request,
        "core/admin/translation_status.html",
        {
            "form": form,
            "locales": locales,
            "rows": page,
            "totals": [
                (
                    locale,
                    [
                        (STATUS_LABELS[s], s, totals[locale.language_code][s])
                        for s in status.STATUSES
                    ],
                )
                for locale in locales
            ],
            "labels": STATUS_LABELS,
            "query": query.urlencode(),
        },
    )


def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = translations.editor_translation(page)
    if translation is None:
        messages.error(request, _("This page is not a translation made in the translation editor."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    total, done = translation.get_progress()
    if request.method == "POST":
        translations.submit_for_review(translation, request.user)
        messages.success(
            request,
            _("“%(title)s” in %(language)s was sent to the moderators for review.")
            % {
                "title": page.get_admin_display_title(),
                "language": get_language_info(page.locale.language_code)["name_translated"],
            },
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "core/admin/submit_translation.html",
        {
            "page": page,
            "source": translations.source_page(page),
            "total": total,
            "done": done,
            "workflow": page.get_workflow(),
        },
    )


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page
    only: it throws the translation away and puts the English content live at once,
    with no review (wagtail-localize itself asks only for edit permission)."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return localize_convert(request, page_id)
