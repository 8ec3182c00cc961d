"""The registration managers' side of the admin: who registered, seats per session,
moving and cancelling delegates, check-in lists and attendance.

Everything here is personal data, so every view asks for the Registration model's
permissions, which only the "Registration managers" group (and superusers) hold.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from core.choices import row_id
from events.domain import registration as domain
from events.domain import registration_reports as reports
from events.enums import BookingStatus
from events.models import Booking, ConferencePage, Registration, SessionPage


def default_conferences():
    return ConferencePage.objects.filter(locale=Locale.get_default()).order_by("-start_date")


def bookable_sessions():
    return (
        SessionPage.objects.filter(locale=Locale.get_default(), registration_required=True)
        .select_related()
        .order_by("start")
    )


class RegistrationFilterSet(WagtailFilterSet):
    conference = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Conference"), queryset=lambda request: default_conferences()
    )
    session = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Session"),
        field_name="bookings__session",
        queryset=lambda request: bookable_sessions(),
        distinct=True,
    )
    booking_status = django_filters.ChoiceFilter(
        label=gettext_lazy("Booking"),
        field_name="bookings__status",
        choices=BookingStatus.choices,
        distinct=True,
    )

    class Meta:
        model = Registration
        fields = ["conference", "status", "organisation", "country", "language"]


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        bookings = Booking.objects.select_related("session").order_by("session__start")
        return (
            super()
            .get_base_queryset()
            .select_related("organisation", "conference")
            .prefetch_related(Prefetch("bookings", queryset=bookings))
        )


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation_name", "organisation__name"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "name",
        "email",
        Column("organisation_label", label=gettext_lazy("Organisation")),
        "country",
        "language",
        "status",
        Column("sessions_label", label=gettext_lazy("Sessions")),
        "created_at",
    ]
    list_export = [
        "name",
        "email",
        "organisation_label",
        "country",
        "position",
        "language",
        "status",
        "sessions_label",
        "interpretation",
        "accessibility_needs",
        "dietary_needs",
        "newsletter_opt_in",
        "privacy_version",
        "consented_at",
        "created_at",
        "confirmed_at",
        "checked_in_at",
    ]
    export_headings = {
        "organisation_label": gettext_lazy("Organisation"),
        "sessions_label": gettext_lazy("Sessions"),
    }
    export_filename = "registrations"
    form_fields = [*domain.DELEGATE_DETAILS, "member_exception"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("seats/", self.seats_view, name="seats"),
            path("session/<int:session_id>/", self.session_view, name="session"),
            path("session/<int:session_id>/check-in/", self.check_in_view, name="check_in"),
            path(
                "conference/<int:conference_id>/check-in/",
                self.conference_check_in_view,
                name="conference_check_in",
            ),
        ]

    def check(self, request, action="change"):
        if not self.permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied

    def seats_view(self, request):
        """Seats, bookings and waiting lists for each session of a conference."""
        self.check(request, "view")
        conferences = list(default_conferences())
        chosen = request.GET.get("conference")
        conference = next((c for c in conferences if str(c.pk) == chosen), None)
        conference = conference or (conferences[0] if conferences else None)
        rows = []
        if conference is not None:
            sessions = list(domain.bookable_sessions(conference))
            counts = reports.seat_counts([s.pk for s in sessions])
            for session in sessions:
                count = counts[session.pk]
                free = None if session.capacity is None else session.capacity - count["seated"]
                rows.append({"session": session, "free": free, **count})
        totals = (
            Registration.objects.filter(conference=conference).aggregate(
                confirmed=Count("pk", filter=Q(status="confirmed")),
                pending=Count("pk", filter=Q(status="pending")),
                checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
            )
            if conference
            else {}
        )
        return TemplateResponse(
            request,
            "events/admin/seats.html",
            {
                "conferences": conferences,
                "conference": conference,
                "rows": rows,
                "totals": totals,
                "viewset": self,
                "zone": conference.zone if conference else None,
            },
        )

    def session_view(self, request, session_id):
        """One session's delegates, with cancel, move and attendance."""
        self.check(request, "view")
        session = get_object_or_404(SessionPage, pk=session_id, locale=Locale.get_default())
        conference = session.get_parent().specific
        if request.method == "POST":
            self.check(request, "change")
            self.session_action(request, session)
            return redirect(self.get_url_name("session"), session_id=session.pk)
        bookings = list(
            Booking.objects.filter(session=session)
            .exclude(status=BookingStatus.CANCELLED)
            .select_related("registration__organisation")
            .order_by("queued_at", "registration__name")
        )
        positions = reports.waitlist_positions([session.pk])
        for booking in bookings:
            booking.position = positions.get(booking.pk)
        others = [s for s in domain.bookable_sessions(conference) if s.pk != session.pk]
        return TemplateResponse(
            request,
            "events/admin/session_bookings.html",
            {
                "session": session,
                "conference": conference,
                "seated": [b for b in bookings if b.status in domain.SEATED],
                "waiting": [b for b in bookings if b.status == BookingStatus.WAITLISTED],
                "others": others,
                "viewset": self,
                "can_change": self.permission_policy.user_has_permission(request.user, "change"),
            },
        )

    def session_action(self, request, session):
        booking = (
            Booking.objects.filter(session=session, pk=row_id(request.POST.get("booking")))
            .select_related("registration")
            .first()
        )
        action = request.POST.get("action")
        if booking is None:
            messages.error(request, _("That booking no longer exists: reload the list."))
            return
        name = booking.registration.name
        if action == "cancel":
            domain.cancel_booking(booking)
            messages.success(
                request,
                _("%(name)s's booking is cancelled; the waiting list moved up.") % {"name": name},
            )
        elif action == "move":
            target = SessionPage.objects.filter(pk=row_id(request.POST.get("to"))).first()
            if target is None or target.get_parent().pk != session.get_parent().pk:
                messages.error(request, _("Choose the session to move the delegate to."))
                return
            try:
                moved = domain.move_booking(booking, target)
            except domain.Refusal as refusal:
                messages.error(request, refusal.message)
                return
            messages.success(
                request,
                _("%(name)s moved to “%(session)s” (%(status)s).")
                % {"name": name, "session": target.title, "status": moved.get_status_display()},
            )
        elif action == "attended":
            booking.attended = not booking.attended
            booking.save(update_fields=["attended", "updated_at"])
        else:
            messages.error(request, _("Unknown action."))

    def check_in_view(self, request, session_id):
        self.check(request, "view")
        session = get_object_or_404(SessionPage, pk=session_id, locale=Locale.get_default())
        registrations = (
            Registration.objects.filter(
                bookings__session=session, bookings__status=BookingStatus.CONFIRMED
            )
            .select_related("organisation")
            .order_by("name")
        )
        conference = session.get_parent().specific
        return self.check_in_list(request, conference, session.title, registrations)

    def conference_check_in_view(self, request, conference_id):
        self.check(request, "view")
        conference = get_object_or_404(ConferencePage, pk=conference_id)
        if request.method == "POST":
            self.check(request, "change")
            registration = get_object_or_404(
                Registration, pk=row_id(request.POST.get("registration")), conference=conference
            )
            registration.checked_in_at = None if registration.checked_in_at else timezone.now()
            registration.save(update_fields=["checked_in_at"])
            return redirect(self.get_url_name("conference_check_in"), conference_id=conference.pk)
        registrations = (
            Registration.objects.filter(conference=conference, status="confirmed")
            .select_related("organisation")
            .order_by("name")
        )
        return self.check_in_list(request, conference, conference.title, registrations)

    def check_in_list(self, request, conference, title, registrations):
        return TemplateResponse(
            request,
            "events/admin/check_in.html",
            {
                "conference": conference,
                "title": title,
                "registrations": registrations,
                "viewset": self,
                "printed_at": timezone.localtime(timezone.now(), conference.zone),
            },
        )
