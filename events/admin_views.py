from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.domain.editions import copy_as_next_edition as copy_edition
from events.domain.editions import may_copy_as_next_edition
from events.models import ConferencePage


class NextEditionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the new edition"), max_length=255)
    slug = forms.SlugField(label=gettext_lazy("Slug"), max_length=255)
    edition = forms.IntegerField(label=gettext_lazy("Edition number"), min_value=1)
    days = forms.IntegerField(
        label=gettext_lazy("Move dates by (days)"),
        min_value=1,
        max_value=3650,
        help_text=gettext_lazy("364 keeps the same weekdays one year later."),
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        siblings = self.conference.get_parent().get_children()
        if siblings.filter(slug=slug).exists():
            raise forms.ValidationError(
                _("Another conference already uses the slug “%(slug)s”: choose another.")
                % {"slug": slug}
            )
        return slug


def copy_as_next_edition(request, page_id):
    conference = get_object_or_404(ConferencePage, pk=page_id)
    if not may_copy_as_next_edition(conference, request.user):
        raise PermissionDenied
    edition = conference.edition + 1
    initial = {
        "title": conference.title,
        "slug": slugify(f"{conference.slug}-{edition}"),
        "edition": edition,
        "days": 364,
    }
    form = NextEditionForm(request.POST or None, initial=initial, conference=conference)
    if request.method == "POST" and form.is_valid():
        copy = copy_edition(conference, user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Draft of “%(title)s” created with its sessions moved by %(days)s days.")
            % {"title": copy.title, "days": form.cleaned_data["days"]},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request, "events/admin/next_edition.html", {"form": form, "conference": conference}
    )
