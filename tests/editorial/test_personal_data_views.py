"""Every admin view of the models that hold personal data, against every role.

The URLs come from the URL resolver (any admin view whose model is one of these), so a
view Wagtail or the project adds later joins the matrix without anyone listing it.
Allowed roles get the page; the others are refused (403, 404, sent to sign in, or
sent to the dashboard with Wagtail's "no permission" message), and never see the
person's name, whatever the view answers.
"""

import inspect
import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import URLResolver, get_resolver
from wagtail.models import Locale

from core.roles import (
    EDITORS,
    MODERATORS,
    NEWSLETTER_SENDERS,
    REGISTRATION_MANAGERS,
    translated_languages,
    translators_group,
)
from events.enums import BookingStatus
from events.models import Booking, Registration
from newsletter.models import Delivery, Subscriber
from workgroups.domain.groups import ensure_coordinator_group
from workgroups.models import Membership, WorkingGroupPage

pytestmark = pytest.mark.django_db

MODELS = (Membership, Registration, Booking, Subscriber, Delivery)
OWN_COORDINATOR = "coordinator of the member's group"
OTHER_COORDINATOR = "coordinator of another group"
ROLES = [
    EDITORS,
    MODERATORS,
    *[translators_group(code) for code in translated_languages()],
    OWN_COORDINATOR,
    OTHER_COORDINATOR,
    NEWSLETTER_SENDERS,
    REGISTRATION_MANAGERS,
]
ALLOWED = {
    Membership: {EDITORS, MODERATORS, OWN_COORDINATOR},
    Registration: {REGISTRATION_MANAGERS},
    Booking: {REGISTRATION_MANAGERS},
    Subscriber: {NEWSLETTER_SENDERS},
    Delivery: {NEWSLETTER_SENDERS},
}
#: What an allowed role gets where it is not a plain 200: nobody adds or deletes these
#: rows by hand (memberships come from the join form, registrations from delegates,
#: subscribers from their own confirmation), and decide/end are POST-only.
ALLOWED_ANSWER = {"add": "refused", "delete": "refused", "decide": 302, "end": 302}


def model_of(callback):
    view = inspect.unwrap(callback)
    initkwargs = getattr(view, "view_initkwargs", None) or {}
    return initkwargs.get("model") or getattr(getattr(view, "__self__", None), "model", None)


def admin_views():
    """(route, url name, model) for every admin URL whose view belongs to one of MODELS."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            else:
                yield prefix + str(pattern.pattern), pattern.name, model_of(pattern.callback)

    return [
        (route, name, model)
        for route, name, model in walk(get_resolver().url_patterns, "", None)
        if route.startswith("admin/") and model in MODELS
    ]


@pytest.fixture
def people(demo, conference_registration):
    """The row each view is asked for, and the name that must not leak from it."""
    budgeting = WorkingGroupPage.objects.get(
        locale=Locale.get_default(), slug="participatory-budgeting"
    )
    member = Membership.objects.filter(group=budgeting, status="active").first()
    registration, booking = conference_registration
    subscriber = Subscriber.objects.order_by("pk").first()
    delivery = Delivery.objects.order_by("pk").first()
    return {
        Membership: (member, member.name),
        Registration: (registration, registration.name),
        Booking: (booking, booking.registration.name),
        Subscriber: (subscriber, subscriber.email),
        Delivery: (delivery, delivery.email if delivery else subscriber.email),
    }


@pytest.fixture
def conference_registration(demo):
    booking = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED, session__locale=Locale.get_default())
        .select_related("registration", "session")
        .order_by("pk")
        .first()
    )
    return booking.registration, booking


def url_for(route, model, people):
    obj, _name = people[model]
    registration, booking = people[Registration][0], people[Booking][0]
    values = {
        "pk": obj.pk if obj else 1,
        "session_id": booking.session_id,
        "conference_id": registration.conference_id,
    }

    def fill(match):
        key = match.group(1)
        assert key in values, f"{route}: a new URL argument, say which row it is for"
        return str(values[key])

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, route)


def refused(response, url):
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    # Wagtail's own refusal is a redirect to the dashboard with "Sorry, you do not have
    # permission"; LocaleMiddleware turns an admin 404 into a redirect to the /en/
    # address, where there is no page either.
    return location in ("/admin/", f"/en{url}") or location.startswith("/admin/login/")


def login(client, role, budgeting_group, observatories):
    user = User.objects.create_user("someone", "someone@example.org", "pw")
    if role == OWN_COORDINATOR:
        user.groups.add(ensure_coordinator_group(budgeting_group))
    elif role == OTHER_COORDINATOR:
        user.groups.add(ensure_coordinator_group(observatories))
    else:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)


def test_the_matrix_covers_every_model():
    """Views of Membership, Registration and Subscriber are found; bookings are shown
    only within the registrations' views and deliveries nowhere, which the matrix would
    pick up as soon as either got a view of its own."""
    found = {model for _route, _name, model in admin_views()}
    assert {Membership, Registration, Subscriber} <= found
    routes = [route for route, _name, _model in admin_views()]
    assert "admin/memberships/history/<int:pk>/" in routes
    assert "admin/memberships/usage/<int:pk>/" in routes


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_personal_data_in_the_admin(client, people, observatories, role):
    """Before the fix a coordinator of another group got 200 with the member's name on
    memberships/history/<pk>/, history-results/<pk>/ and usage/<pk>/ (this test listed
    those three for OTHER_COORDINATOR)."""
    budgeting = people[Membership][0].group
    login(client, role, budgeting, observatories)
    wrong = []
    for route, url_name, model in admin_views():
        url = url_for(route, model, people)
        _obj, name = people[model]
        response = client.get(url)
        body = response.content.decode(errors="replace")
        if role in ALLOWED[model]:
            expected = ALLOWED_ANSWER.get(url_name, 200)
            if expected == "refused" and not refused(response, url):
                wrong.append(f"{url}: {response.status_code}, expected a refusal")
            elif expected != "refused" and response.status_code != expected:
                wrong.append(f"{url}: {response.status_code}, expected {expected}")
            continue
        listing = "<" not in route  # the index: a coordinator sees their own members
        if not (refused(response, url) or (listing and response.status_code == 200)):
            wrong.append(f"{url}: {response.status_code}, expected a refusal")
        if name in body:
            wrong.append(f"{url}: shows {name}")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (OWN_COORDINATOR, True),
        (EDITORS, True),
        (OTHER_COORDINATOR, False),
        (translators_group("es"), False),
        (NEWSLETTER_SENDERS, False),
    ],
)
def test_site_history_shows_a_members_changes_only_to_whoever_manages_them(
    client, people, observatories, role, sees
):
    """Before the fix a coordinator of another group saw "Edited <member> (<group>)" in
    Reports > Site history and its results: Wagtail shows every entry of a model to
    anyone holding one of its permissions."""
    member, name = people[Membership]
    editor = User.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    edit = client.get(f"/admin/memberships/edit/{member.pk}/")
    form = edit.context["form"]
    data = {key: form[key].value() for key in form.fields if form[key].value() is not None}
    assert client.post(f"/admin/memberships/edit/{member.pk}/", data).status_code == 302
    client.logout()

    login(client, role, member.group, observatories)
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 200
        assert (name in response.content.decode()) is sees, url
