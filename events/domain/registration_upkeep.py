"""Registration work that happens later, not in a delegate's request: releasing expired
holds, reminders, anonymising old registrations, and telling delegates of a session that
an editor changed. Commands and tasks call these."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.models import OutboxMessage
from events.domain import registration_mail
from events.domain.registration import end_registration
from events.domain.seats import SEATED
from events.domain.terms import reference
from events.domain.waiting_list import promote, seat_waiting
from events.enums import BookingStatus, RegistrationStatus
from events.models import Booking, Registration, Seats


def release_expired_holds(now=None):
    """Unconfirmed registrations past their hold lose their seats. Returns how many."""
    now = now or timezone.now()
    expired = Registration.objects.filter(
        status=RegistrationStatus.PENDING, hold_expires_at__lt=now
    ).values_list("pk", flat=True)
    count = 0
    for pk in list(expired):
        with transaction.atomic():
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.status == RegistrationStatus.PENDING:
                end_registration(registration, RegistrationStatus.EXPIRED, now)
                count += 1
    return count


def after_session_change(session):
    """After an editor publishes a session: free seats go to its waiting list, and when
    its time, place or status changed (a higher SEQUENCE), each confirmed delegate gets
    one email with the updated invitation, or a cancellation."""
    with transaction.atomic():
        seats, _created = Seats.objects.select_for_update().get_or_create(
            page_id=session.pk, defaults={"notified_sequence": session.sequence}
        )
        if not session.is_cancelled:
            promote(session)
        told = 0
        if session.sequence > seats.notified_sequence:
            Seats.objects.filter(pk=seats.pk).update(notified_sequence=session.sequence)
            bookings = Booking.objects.filter(
                session=session, status=BookingStatus.CONFIRMED
            ).select_related("registration__conference")
            for booking in bookings:
                if session.is_cancelled:
                    registration_mail.changed(booking.registration, cancelled=[session])
                else:
                    registration_mail.changed(booking.registration, updated=[session])
            told = len(bookings)
    # Cancelled or moved, it may no longer clash with what its delegates wait for; once
    # this session's seat row is let go (see seat_waiting).
    seat_waiting(
        Registration.objects.filter(bookings__session=session, bookings__status__in=SEATED)
        .distinct()
        .order_by("pk")
    )
    return told


#: Reminders go this many days before a conference's first day.
REMINDER_DAYS = 2


def send_reminders(today):
    """Remind confirmed delegates of conferences starting in two days, once each."""
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        conference__start_date=today + datetime.timedelta(days=REMINDER_DAYS),
    ).select_related("conference")
    count = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if claimed:
                registration_mail.reminder(registration)
                count += 1
    return count


def anonymise_ended(today, months):
    """Anonymise the registrations of conferences that ended `months` months before today."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    cutoff = datetime.date(year, month + 1, min(today.day, 28))
    return anonymise(Registration.objects.filter(conference__end_date__lt=cutoff), now=None)


def anonymise(registrations, now=None):
    """Replace what identifies delegates, keeping what statistics need (country,
    organisation, language, attendance). Returns how many were anonymised."""
    now = now or timezone.now()
    count = 0
    for registration in registrations.filter(anonymised_at__isnull=True):
        with transaction.atomic():
            OutboxMessage.objects.filter(reference=reference(registration)).delete()
            registration.name = "—"
            registration.email = f"anonymised-{registration.pk}@invalid"
            registration.position = ""
            registration.accessibility_needs = ""
            registration.dietary_needs = ""
            registration.consent_ip = None
            registration.manage_token_hash = ""
            registration.feed_token_hash = ""
            registration.anonymised_at = now
            registration.save()
            count += 1
    return count
