"""Memberships in the admin: editors see every group's, coordinators only their own."""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.choices import row_id
from core.domain.search import SearchKind
from workgroups.demo.loader import WorkgroupsDemo
from workgroups.domain import meetings
from workgroups.domain import membership as domain
from workgroups.domain.groups import groups_user_may_manage
from workgroups.domain.meetings import agenda_entries
from workgroups.feeds import network_dependencies, network_items
from workgroups.models import (
    MeetingPage,
    Membership,
    MembershipLogEntry,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)


def managed(request):
    return Membership.objects.filter(group__in=groups_user_may_manage(request.user))


def scoped(view):
    """A view of one membership answers 404 for a group the user does not manage.

    Wagtail's generic views (history, usage, delete...) check the model permission
    only, which every coordinator holds for every group's members; wrapping each URL
    of the viewset also covers views added later."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if "pk" in kwargs and not managed(request).filter(pk=row_id(kwargs["pk"])).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class MembershipIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(group__in=groups_user_may_manage(self.request.user))
            .select_related("group", "organisation")
        )


class MembershipEditView(EditView):
    template_name = "workgroups/admin/membership_edit.html"

    def get_object(self, queryset=None):
        membership = super().get_object(queryset)
        if membership.group not in groups_user_may_manage(self.request.user):
            raise PermissionDenied
        return membership


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = gettext_lazy("Group members")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = MembershipIndexView
    edit_view_class = MembershipEditView
    list_display = [
        "name",
        Column("organisation_label", label=gettext_lazy("Organisation")),
        "group",
        "role",
        "status",
        "requested_at",
    ]
    list_filter = ["status", "role", "group"]
    search_fields = ["name", "email", "organisation_name"]
    search_backend_name = None
    form_fields = [
        "role",
        "name",
        "email",
        "organisation",
        "organisation_name",
        "language",
        "show_on_page",
        "since",
        "until",
    ]
    list_export = ["name", "email", "organisation_label", "group", "role", "status", "since"]
    export_headings = {"organisation_label": gettext_lazy("Organisation")}

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", self.decide_view, name="decide"),
            path("end/<int:pk>/", self.end_view, name="end"),
        ]
        for pattern in patterns:
            pattern.callback = scoped(pattern.callback)
        return patterns

    def check(self, request):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied

    def end_view(self, request, pk):
        """End a membership, with the reason the member is sent (POST from the edit page)."""
        self.check(request)
        membership = get_object_or_404(managed(request), pk=pk)
        if request.method != "POST":
            return redirect(self.get_url_name("edit"), membership.pk)
        reason = request.POST.get("reason", "").strip()[:2000]
        if not reason:
            messages.error(request, _("Say why the membership ends: the member is told."))
            return redirect(self.get_url_name("edit"), membership.pk)
        domain.end(membership, reason=reason, by=request.user)
        messages.success(
            request,
            _("%(name)s is no longer a member; we have told them.") % {"name": membership.name},
        )
        return redirect(self.get_url_name("index"))

    def decide_view(self, request, pk):
        """Approve or decline a request to join (POST from the edit page)."""
        self.check(request)
        membership = get_object_or_404(managed(request), pk=pk)
        if request.method != "POST":
            return redirect(self.get_url_name("edit"), membership.pk)
        if request.POST.get("decision") == "approve":
            domain.approve(membership, by=request.user)
            messages.success(
                request,
                _("%(name)s is now a member; we have sent the welcome email.")
                % {"name": membership.name},
            )
        elif request.POST.get("decision") == "decline":
            domain.decline(membership, by=request.user)
            messages.success(
                request,
                _("%(name)s's request is declined; we have told them.") % {"name": membership.name},
            )
        return redirect(self.get_url_name("index"))


membership_viewset = MembershipViewSet("memberships")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return membership_viewset


@hooks.register("register_log_actions")
def register_membership_log_model(actions):
    """Membership entries in a table of their own, so the site history can show each
    user only the groups they manage (MembershipLogEntryManager)."""
    actions.register_model(Membership, MembershipLogEntry)


# --- what core asks of the apps (core.extensions) ----------------------------------


@hooks.register("xarxa_shown_models")
def shown_on_pages():
    # A group's page lists the members who agreed to be shown.
    return [Membership]


@hooks.register("xarxa_sections")
def workgroups_sections():
    return [(20, WorkingGroupIndexPage, "Working groups", "working-groups", True)]


@hooks.register("xarxa_demo", order=20)
def workgroups_demo(loader, homes, *, as_in_2013):
    WorkgroupsDemo(loader, homes, as_in_2013=as_in_2013).run()


@hooks.register("xarxa_search_kinds")
def workgroups_search_kinds():
    def next_date(meeting):
        # The next date for a series still going on, else its last.
        found = meetings.upcoming(meeting, limit=1) or meetings.occurrences(meeting)[-1:]
        return found[0].label if found else ""

    return {
        WorkingGroupPage: SearchKind(gettext_lazy("Working group"), 2),
        MeetingPage: SearchKind(gettext_lazy("Working group meeting"), 0.5, next_date),
    }


@hooks.register("xarxa_agenda_meetings")
def meetings_in_agenda(locale, region, past, request):
    return agenda_entries(locale, region=region, past=past, request=request)


@hooks.register("xarxa_network_calendar_items")
def meetings_in_network_calendar(locale, request):
    return network_items(locale, request)


@hooks.register("xarxa_network_calendar_sources")
def meetings_in_network_calendar_sources(home):
    return network_dependencies(home)


@hooks.register("xarxa_newsworthy_models")
def newsworthy_meetings():
    return [(30, MeetingPage)]
