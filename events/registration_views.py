"""Registering, confirming and managing a registration: the conference's routes.

Pages reached with a token (confirm, manage, the personal feed) are private: they are
never cached or indexed, and their address never goes to another site as a Referer.
"""

import json
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from core import ratelimit
from core.choices import row_id
from core.domain import calendar
from core.domain.calendar_links import calendar_links
from core.domain.privacy import current_notice
from core.domain.translations import in_language, source_page
from core.models import Organisation
from core.responses import private
from events.domain import registration as domain
from events.domain import registration_reports as reports
from events.domain import waiting_list
from events.domain.calendar_items import delegate_items
from events.domain.timeslots import LocalSlot, day_label, zone_note
from events.enums import BookingStatus, RegistrationStatus
from events.forms import RegistrationForm
from events.models import SessionPage


def conference_context(request, conference, route):
    """The conference page's context without its programme, which these pages don't show."""
    return {
        "page": conference,
        "self": conference,
        "request": request,
        "route_suffix": route,
        "zone_note": zone_note(conference.zone, conference.start_date),
    }


def session_titles(sessions):
    found = in_language(SessionPage, sessions, get_language())
    return {session.pk: found[session.translation_key].title for session in sessions}


@dataclass
class SessionOption:
    """A bookable session as the registration and manage pages show it."""

    session: object
    title: str
    when: str
    capacity: int | None
    seated: int
    waitlisted: int
    widget: object = None
    booking: object = None
    position: int | None = None
    #: The title of a session the delegate holds that overlaps this one.
    overlaps: str = ""

    @property
    def places_left(self):
        return None if self.capacity is None else max(0, self.capacity - self.seated)

    @property
    def is_full(self):
        return self.places_left == 0


def session_options(conference, sessions, registration=None):
    titles = session_titles(sessions)
    counts = reports.seat_counts([session.pk for session in sessions])
    bookings, positions = {}, {}
    if registration is not None:
        bookings = {b.session_id: b for b in registration.bookings.select_related("session")}
        positions = reports.waitlist_positions([session.pk for session in sessions])
    seated = [b.session for b in bookings.values() if b.status in domain.SEATED and b.session_id]
    options = []
    for session in sessions:
        slot = LocalSlot.of(session.start, session.end, conference.zone)
        booking = bookings.get(session.pk)
        other = next((s for s in seated if waiting_list.overlaps(s, session)), None)
        options.append(
            SessionOption(
                session=session,
                title=titles[session.pk],
                when=f"{day_label(slot.day)}, {slot.label}",
                capacity=session.capacity,
                seated=counts[session.pk]["seated"],
                waitlisted=counts[session.pk]["waitlisted"],
                booking=booking,
                position=positions.get(booking.pk) if booking else None,
                overlaps=titles.get(other.pk, other.title) if other else "",
            )
        )
    return options


def register(request, conference):
    source = source_page(conference)
    context = conference_context(request, conference, "register/")
    window = domain.window(source)
    notice = current_notice(get_language())
    context.update(window=window, notice=notice, sent=request.GET.get("sent") == "1")
    if context["sent"] or not window.is_open or notice is None:
        return TemplateResponse(request, "events/register.html", context)

    sessions = list(domain.bookable_sessions(source))
    # Titles are looked up only when the page is shown again (or a choice is refused):
    # a registration that goes through needs none.
    titles = SimpleLazyObject(lambda: session_titles(sessions))
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        conference=source,
        sessions=domain.bookable_sessions(source),
        offered=sessions,
        organisations=Organisation.objects.filter(
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        ).order_by("name"),
        titles=titles,
        initial={"language": get_language()},
    )
    status = 200
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()[:254]
        if ratelimit.refuse_form(form, "register", ip=ratelimit.client_ip(request), email=email):
            status = 429
        elif form.is_valid():
            try:
                domain.register(
                    source,
                    form.details(),
                    form.cleaned_data["sessions"],
                    ip=ratelimit.client_ip(request),
                    privacy_version=notice.version,
                )
            except domain.Refusal as refusal:
                form.add_error("email" if refusal.reason == "duplicate" else None, refusal.message)
            else:
                return HttpResponseRedirect(f"{conference.url}register/?sent=1")
    options = {option.session.pk: option for option in session_options(source, sessions)}
    for widget in form["sessions"]:
        option = options.get(int(str(widget.data["value"])))
        if option:
            option.widget = widget
    context.update(form=form, options=[o for o in options.values() if o.widget])
    return TemplateResponse(request, "events/register.html", context, status=status)


def invalid_link(request, conference):
    context = conference_context(request, conference, "")
    response = TemplateResponse(request, "events/registration_link_invalid.html", context)
    response.status_code = 404
    return private(response)


def manage_url(conference, token):
    return f"{conference.url}registration/{token}/"


def confirm(request, conference, token):
    registration = domain.registration_for_confirmation(token)
    if registration is None or registration.conference_id != source_page(conference).pk:
        return invalid_link(request, conference)
    if request.method == "POST" and registration.status == RegistrationStatus.PENDING:
        manage_token = domain.confirm(registration)
        if manage_token:
            messages.success(
                request,
                _("Your registration is confirmed. We have emailed you this page's link."),
            )
            return private(HttpResponseRedirect(manage_url(conference, manage_token)))
        registration.refresh_from_db()
    context = conference_context(request, conference, f"register/confirm/{token}/")
    context.update(delegate=registration, options=booked_options(registration))
    return private(TemplateResponse(request, "events/registration_confirm.html", context))


def booked_options(registration):
    sessions = [
        booking.session
        for booking in registration.bookings.exclude(status=BookingStatus.CANCELLED)
        .select_related("session")
        .order_by("session__start")
    ]
    return session_options(registration.conference, sessions, registration)


def manage(request, conference, token):
    registration = domain.registration_for_manage(token)
    if registration is None or registration.conference_id != source_page(conference).pk:
        return invalid_link(request, conference)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ASKS_FIRST and request.POST.get("confirmed") != "1":
            return private(ask_first(request, conference, registration, token, request.POST))
        response = manage_action(request, conference, registration, token)
        if response is not None:
            return private(response)
        return private(HttpResponseRedirect(manage_url(conference, token)))
    if request.GET.get("confirm") in ASKS_FIRST:
        query = {"action": request.GET["confirm"], "session": request.GET.get("session")}
        return private(ask_first(request, conference, registration, token, query))
    return manage_page(request, conference, registration, token)


def manage_page(request, conference, registration, token, feed_token=None):
    """The manage page; with `feed_token`, the calendar box shows its address."""
    source = registration.conference
    sessions = list(domain.bookable_sessions(source))
    context = conference_context(request, conference, f"registration/{token}/")
    links = None
    if feed_token:
        feed_url = request.build_absolute_uri(
            f"{conference.url}registration/{feed_token}/calendar.ics"
        )
        links = calendar_links(feed_url, conference.title)
    context.update(
        delegate=registration,
        token=token,
        window=domain.window(source),
        options=session_options(source, sessions, registration),
        calendar_links=links,
    )
    return private(TemplateResponse(request, "events/registration_manage.html", context))


#: What takes something away from the delegate: one tap shows the question, and only
#: the question's own POST (with confirmed=1) acts.
ASKS_FIRST = {"cancel", "cancel_registration"}


def ask_first(request, conference, registration, token, data):
    """The question a destructive action asks, saying what can be undone; a redirect to
    the page when there is nothing to ask about (a stale link, a session not held)."""
    back = manage_url(conference, token)
    if registration.status != RegistrationStatus.CONFIRMED:
        messages.error(request, _("This registration is no longer active."))
        return HttpResponseRedirect(back)
    reopens = domain.window(registration.conference).is_open
    if data.get("action") == "cancel_registration":
        ask = {
            "question": _("Cancel your registration for “%(conference)s”?")
            % {"conference": conference.title},
            "note": _(
                "All your seats go to the next people waiting. This cannot be undone: "
                "to come back you would need to register again, while registration is open."
            )
            if reopens
            else _(
                "All your seats go to the next people waiting. This cannot be undone: "
                "registration has closed, so you could not register again."
            ),
            "fields": [("action", "cancel_registration")],
            "yes": _("Yes, cancel my registration"),
            "no": _("No, keep it"),
        }
    else:
        session_id = row_id(data.get("session"))
        booking = (
            registration.bookings.filter(session_id=session_id)
            .exclude(status=BookingStatus.CANCELLED)
            .select_related("session")
            .first()
            if session_id
            else None
        )
        if booking is None:
            messages.error(request, _("That did not work. Choose the session again."))
            return HttpResponseRedirect(back)
        title = domain.title(booking.session)
        fields = [("action", "cancel"), ("session", booking.session_id)]
        if booking.status == BookingStatus.WAITLISTED:
            ask = {
                "question": _("Leave the waiting list of “%(session)s”?") % {"session": title},
                "note": _("If you join it again, you go to the end of the list.")
                if reopens
                else _("Registration has closed: you could not join it again."),
                "fields": fields,
                "yes": _("Yes, leave the waiting list"),
                "no": _("No, stay on it"),
            }
        else:
            ask = {
                "question": _("Cancel your seat in “%(session)s”?") % {"session": title},
                "note": _("You can book it again while seats are free.")
                if reopens
                else _("Registration has closed: you could not book it again."),
                "fields": fields,
                "yes": _("Yes, cancel my seat"),
                "no": _("No, keep it"),
            }
    context = conference_context(request, conference, f"registration/{token}/")
    context["ask"] = {**ask, "heading": _("My registration"), "back": back}
    return TemplateResponse(request, "ask_first.html", context)


def manage_action(request, conference, registration, token):
    """Apply one POSTed action; a response ends the page (erase, new link)."""
    action = request.POST.get("action", "")
    if action == "erase":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick “Yes, erase everything about me” to erase your data."))
            return None
        domain.erase(registration)
        context = conference_context(request, conference, "")
        return TemplateResponse(request, "events/registration_erased.html", context)
    if registration.status != RegistrationStatus.CONFIRMED:
        messages.error(request, _("This registration is no longer active."))
        return None
    if action == "renew":
        domain.renew_links(registration)
        context = conference_context(request, conference, "")
        context["delegate"] = registration
        return TemplateResponse(request, "events/registration_new_link.html", context)
    if action == "calendar":
        # Shown on this answer rather than after a redirect, so the address goes into
        # no URL but the feed's own.
        feed_token = domain.renew_feed_link(registration)
        return manage_page(request, conference, registration, token, feed_token)
    if action == "cancel_registration":
        domain.cancel_registration(registration)
        messages.success(
            request,
            _(
                "Your registration is cancelled. To come back you would need to register "
                "again. We have emailed you."
            ),
        )
        return None
    session_id = row_id(request.POST.get("session"))
    session = SessionPage.objects.filter(pk=session_id).first() if session_id else None
    if session is None or action not in {"book", "waitlist", "cancel"}:
        messages.error(request, _("That did not work. Choose the session again."))
        return None
    if action == "cancel":
        booking = registration.bookings.filter(session=session).first()
        if booking and booking.status != BookingStatus.CANCELLED:
            waiting = booking.status == BookingStatus.WAITLISTED
            domain.cancel_booking(booking)
            # Says what happened to the delegate: the session itself still takes place.
            left = (
                _("You left the waiting list of “%(session)s”.")
                if waiting
                else _("You no longer have a seat in “%(session)s”.")
            )
            messages.success(request, left % {"session": domain.title(session)})
        return None
    if not domain.window(registration.conference).is_open:
        messages.error(request, _("Registration has closed: sessions can no longer be added."))
        return None
    try:
        booking = domain.add_session(registration, session, waitlist=action == "waitlist")
    except domain.Refusal as refusal:
        messages.error(request, refusal.message)
        return None
    if booking.status == BookingStatus.WAITLISTED:
        messages.info(
            request,
            _("You are on the waiting list of “%(session)s”. We will email you if a seat frees up.")
            % {"session": domain.title(session)},
        )
    else:
        messages.success(
            request, _("“%(session)s” is booked.") % {"session": domain.title(session)}
        )
    return None


def registration_data(request, conference, token):
    registration = domain.registration_for_manage(token)
    if registration is None or registration.conference_id != source_page(conference).pk:
        return invalid_link(request, conference)
    response = HttpResponse(
        json.dumps(reports.export(registration), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-registration.json"'
    return private(response)


def delegate_feed(request, conference, token):
    """The delegate's own calendar: confirmed sessions, and waiting lists as TENTATIVE."""
    registration = domain.registration_for_feed(token)
    if registration is None or registration.conference_id != source_page(conference).pk:
        return invalid_link(request, conference)
    bookings = list(
        registration.bookings.filter(status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITLISTED])
        .select_related("session")
        .order_by("session__start")
    )
    waiting = {b.session.translation_key for b in bookings if b.status == "waitlisted"}
    sessions = [booking.session for booking in bookings]
    items = delegate_items(sessions, get_language())
    keys = {calendar.uid("session", s.pk): s.translation_key for s in sessions}
    items = [replace(item, tentative=keys.get(item.uid) in waiting) for item in items]
    body = calendar.build(
        items,
        name=_("My sessions: %(conference)s") % {"conference": conference.title},
        include_private=True,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-sessions.ics"'
    return private(response)
