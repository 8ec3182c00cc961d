"""Joining a working group and the member's own page (reached with their token)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core import ratelimit
from core.domain.calendar_links import calendar_links
from core.domain.privacy import current_notice
from core.models import Organisation
from core.ratelimit import client_ip
from core.responses import private
from workgroups.domain import groups as group_domain
from workgroups.domain import meetings as meeting_domain
from workgroups.domain import membership as domain
from workgroups.domain.meetings import meeting_queryset
from workgroups.enums import GroupStatus
from workgroups.forms import JoinForm


def page_context(request, group, route):
    context = group.get_context(request)
    context["route_suffix"] = route
    return context


def join(request, group):
    context = page_context(request, group, "join/")
    notice = current_notice(get_language())
    sent = request.GET.get("sent") == "1"
    context.update(notice=notice, sent=sent, closed=group.status == GroupStatus.CLOSED)
    if sent or context["closed"] or notice is None:
        return TemplateResponse(request, "workgroups/join.html", context)
    form = JoinForm(
        request.POST if request.method == "POST" else None,
        organisations=Organisation.objects.filter(locale=Locale.get_default()).order_by("name"),
        initial={"language": get_language()},
    )
    status = 200
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()[:254]
        if ratelimit.refuse_form(form, "join", ip=client_ip(request), email=email):
            status = 429
        elif form.is_valid():
            details = {
                key: form.cleaned_data[key]
                for key in (
                    "name",
                    "email",
                    "organisation",
                    "organisation_name",
                    "language",
                    "motivation",
                    "show_on_page",
                )
            }
            try:
                domain.request_to_join(
                    group_domain.source_of(group), details, privacy_version=notice.version
                )
            except domain.Refusal as refusal:
                form.add_error("email", refusal.message)
            else:
                return HttpResponseRedirect(f"{group.url}join/?sent=1")
    context["form"] = form
    return TemplateResponse(request, "workgroups/join.html", context, status=status)


def invalid_link(request, group):
    context = page_context(request, group, "")
    response = TemplateResponse(request, "workgroups/member_link_invalid.html", context)
    response.status_code = 404
    return private(response)


def ask_to_leave(request, group, here):
    """Leaving asks first: one tap shows the question, only its POST (confirmed=1) acts."""
    context = page_context(request, group, here.removeprefix(group.url))
    context["ask"] = {
        "heading": _("My membership"),
        "question": _("Leave “%(group)s”?") % {"group": group.title},
        "note": _(
            "You will get no more notices, and this page and your calendar stop working. "
            "This cannot be undone: to come back you would need to ask to join again."
        ),
        "fields": [("action", "leave")],
        "yes": _("Yes, leave the group"),
        "no": _("No, stay in the group"),
        "back": here,
    }
    return TemplateResponse(request, "ask_first.html", context)


def member(request, group, token):
    """The member's page: private meeting details, language, feed address, leaving."""
    membership = domain.for_token(token)
    if membership is None or membership.group.translation_key != group.translation_key:
        return invalid_link(request, group)
    here = f"{group.url}member/{token}/"
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "leave" and request.POST.get("confirmed") != "1":
            return private(ask_to_leave(request, group, here))
        if action == "language" and request.POST.get("language") in dict(settings.LANGUAGES):
            membership.language = request.POST["language"]
            membership.save(update_fields=["language"])
            messages.success(request, _("From now on we write to you in the language you chose."))
        elif action == "reset_feed":
            feed = domain.reset_feed(membership)
            messages.success(
                request,
                _(
                    "Your calendar has a new address, which we have emailed you. "
                    "The old one no longer works: subscribe again with the new one."
                ),
            )
            # Shown on this answer rather than after a redirect, so the address goes
            # into no URL but the feed's own.
            return member_page(request, group, membership, token, feed)
        elif action == "leave":
            domain.leave(membership)
            context = page_context(request, group, "")
            return private(TemplateResponse(request, "workgroups/member_left.html", context))
        return private(HttpResponseRedirect(here))
    if request.GET.get("confirm") == "leave":
        return private(ask_to_leave(request, group, here))
    return member_page(request, group, membership, token)


def member_page(request, group, membership, token, feed=None):
    """The member's page; with `feed`, the calendar box shows that feed's address."""
    meetings = []
    for meeting in meeting_queryset().child_of(group):
        meetings.append(
            {
                "meeting": meeting,
                "next": meeting_domain.upcoming(meeting, limit=3),
                "where": meeting_domain.where_label(meeting),
                "zone_note": meeting_domain.zone_note(meeting),
            }
        )
    context = page_context(request, group, f"member/{token}/")
    links = None
    if feed:
        feed_url = request.build_absolute_uri(f"{group.url}member/{feed}/calendar.ics")
        links = calendar_links(feed_url, group.title)
    context.update(
        membership=membership,
        meetings=meetings,
        email_languages=settings.LANGUAGES,
        calendar_links=links,
    )
    return private(TemplateResponse(request, "workgroups/member.html", context))
