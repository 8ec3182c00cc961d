"""Registration managers in the Wagtail admin; other editors never see personal data."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext

from events.models import Booking, ConferencePage, Registration, SessionPage

pytestmark = pytest.mark.django_db


def user_in(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def manager(client):
    client.force_login(user_in("Registration managers", "manager"))
    return client


def test_other_editors_never_see_registrations(client, conference):
    client.force_login(user_in("Editors", "editor"))
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    for url in ("/admin/registrations/", "/admin/registrations/seats/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    coast = Booking.objects.filter(session__slug="study-visit-coast").first().session
    response = client.get(f"/admin/registrations/session/{coast.pk}/check-in/")
    assert response.status_code == 302
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/registrations/" not in dashboard
    delegate = Registration.objects.first()
    assert delegate.name not in dashboard


def test_the_list_filters_searches_and_counts(manager, conference):
    response = manager.get("/admin/registrations/")
    assert response.status_code == 200
    assert "Laia Puig i Serra" in response.content.decode()
    pending = manager.get("/admin/registrations/?status=pending").content.decode()
    assert "Pere Ribas" in pending and "Laia Puig i Serra" not in pending
    found = manager.get("/admin/registrations/?q=sarr").content.decode()
    assert "Fatou Sarr" in found and "Laia Puig" not in found
    coast = Booking.objects.filter(session__slug="study-visit-coast").first().session
    waiting = manager.get(
        f"/admin/registrations/?session={coast.pk}&booking_status=waitlisted"
    ).content.decode()
    names = set(
        Registration.objects.filter(
            bookings__session=coast, bookings__status="waitlisted"
        ).values_list("name", flat=True)
    )
    assert names and all(name.replace("'", "&#x27;") in waiting for name in names)


def test_the_list_makes_a_fixed_number_of_queries(manager, conference, delegate, bookable):
    workshop = bookable("workshop", capacity=50)
    manager.get("/admin/registrations/")
    with CaptureQueriesContext(connection) as few:
        manager.get("/admin/registrations/")
    for n in range(20):
        delegate(f"more{n}@example.org", [workshop])
    with CaptureQueriesContext(connection) as many:
        manager.get("/admin/registrations/")
    assert len(many) == len(few)


def test_export_to_csv_and_xlsx(manager, conference):
    response = manager.get(f"/admin/registrations/?export=csv&conference={conference.pk}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Name", "Email", "Organisation"]
    assert len(rows) - 1 == Registration.objects.filter(conference=conference).count()
    response = manager.get("/admin/registrations/?export=xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.cell(1, 1).value == "Name"
    assert sheet.max_row - 1 == Registration.objects.count()


def test_seats_per_session(manager, conference):
    response = manager.get("/admin/registrations/seats/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Study visit: residents caring for the coastline" in text
    assert "Waiting list" in text


def test_cancel_move_and_attendance_from_the_session_page(
    manager, bookable, delegate, django_capture_on_commit_callbacks
):
    workshop = bookable("workshop", capacity=1)
    other = bookable("other", capacity=5, start=(9, 0), end=(10, 0))
    holder = delegate("holder@example.org", [workshop])
    waiting = delegate("waiting@example.org", [workshop])
    page = f"/admin/registrations/session/{workshop.pk}/"
    assert "Holder" in manager.get(page).content.decode()

    booking = holder.bookings.get()
    manager.post(page, {"booking": booking.pk, "action": "attended"})
    assert Booking.objects.get(pk=booking.pk).attended
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(page, {"booking": booking.pk, "action": "move", "to": other.pk})
    assert holder.bookings.get(session=other).status == "confirmed"
    assert holder.bookings.get(session=workshop).status == "cancelled"
    assert waiting.bookings.get().status == "confirmed"

    manager.post(page, {"booking": waiting.bookings.get().pk, "action": "cancel"})
    assert waiting.bookings.get().status == "cancelled"


def test_printable_check_in_lists(manager, conference):
    coast = Booking.objects.filter(session__slug="study-visit-coast").first().session
    response = manager.get(f"/admin/registrations/session/{coast.pk}/check-in/")
    assert response.status_code == 200
    confirmed = Registration.objects.filter(bookings__session=coast, bookings__status="confirmed")
    text = response.content.decode()
    assert all(r.name.replace("'", "&#x27;") in text for r in confirmed)
    conference_list = f"/admin/registrations/conference/{conference.pk}/check-in/"
    assert manager.get(conference_list).status_code == 200
    first = Registration.objects.filter(conference=conference, status="confirmed").first()
    manager.post(conference_list, {"registration": first.pk})
    first.refresh_from_db()
    assert first.checked_in_at is not None


def test_a_manager_grants_a_members_only_exception(manager, members_session, delegate):
    outsider = delegate("outsider@example.org")
    edit = manager.get(f"/admin/registrations/edit/{outsider.pk}/")
    assert edit.status_code == 200
    assert "may book members-only sessions" in edit.content.decode().lower()


def test_seat_times_are_in_the_conference_zone(manager, conference, members_session):
    from django.utils import timezone

    local = timezone.localtime(members_session.start, conference.zone)
    assert local.hour == 16  # 16:00 WEST is 15:00 UTC
    text = manager.get(f"/admin/registrations/seats/?conference={conference.pk}").content.decode()
    assert local.strftime("%H:%M") in text


def test_pages_delegates_registered_for_are_not_deleted(
    admin_client, conference, bookable, delegate
):
    booked, empty = (
        bookable("booked-session"),
        bookable("empty-session", start=(21, 0), end=(22, 0)),
    )
    delegate("ana@example.org", [booked])
    registrations = Registration.objects.count()

    response = admin_client.post(f"/admin/pages/{booked.pk}/delete/", follow=True)
    assert SessionPage.objects.filter(pk=booked.pk).exists()
    assert "cannot be deleted: 1 delegate registration, current" in response.content.decode()
    # The confirmation page is not offered either.
    assert admin_client.get(f"/admin/pages/{conference.pk}/delete/").status_code == 302

    bulk = f"/admin/bulk/wagtailcore/page/delete/?id={conference.pk}&id={empty.pk}"
    response = admin_client.post(bulk, {"type_to_confirm": "Xarxa"}, follow=True)
    text = response.content.decode()
    assert ConferencePage.objects.filter(pk=conference.pk).exists()
    assert f"cannot be deleted: {registrations} delegate registrations, current" in text
    assert Registration.objects.count() == registrations

    # Behind the admin, the database refuses too.
    with pytest.raises(ProtectedError), transaction.atomic():
        booked.delete()
    # A session nobody booked goes as usual.
    assert admin_client.post(f"/admin/pages/{empty.pk}/delete/").status_code == 302
    assert not SessionPage.objects.filter(pk=empty.pk).exists()


def test_the_refusal_is_in_the_editors_language(conference):
    from django.utils import translation

    from events.wagtail_hooks import _refusal

    with translation.override("ca"):
        assert _refusal(conference, 3).startswith("No es pot suprimir «13th OIDP Conference»")
        assert "hi consten 3 inscripcions" in _refusal(conference, 3)
