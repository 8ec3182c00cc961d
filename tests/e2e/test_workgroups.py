import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core import mail

from tests.e2e.conftest import axe_violations, screenshot
from workgroups.models import MeetingPage, Membership, WorkingGroupPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def signed_in_admin(browser, live_server, username, width=1280):
    """A page of the admin, signed in as `username` (password as the tests set it)."""
    admin = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": width, "height": 900}
    ).new_page()
    admin.goto("/admin/login/")
    admin.fill("#id_username", username)
    admin.fill("#id_password", "a-long-test-password")
    admin.locator("button[type=submit]").click()
    admin.wait_for_url("**/admin/")
    return admin


def test_join_in_spanish_approve_in_the_admin_and_open_the_member_view(
    phone_page, browser, live_server, live_demo
):
    page = phone_page
    group = WorkingGroupPage.objects.get(locale__language_code="es", slug="observatorios-locales")
    page.goto(group.url)
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "workgroup-es-phone")
    page.goto(group.url + "join/")
    page.fill("#id_name", "Rosa Martínez")
    page.fill("#id_email", "rosa.martinez@example.org")
    page.fill("#id_organisation_name", "Ayuntamiento de Córdoba")
    page.fill("#id_motivation", "Córdoba tuvo un observatorio local entre 2005 y 2007.")
    page.locator("#id_consent").check()
    screenshot(page, "workgroup-join-es-phone")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/join/?sent=1")
    assert page.locator(".notice--success").is_visible()
    membership = Membership.objects.get(email="rosa.martinez@example.org")
    assert membership.status == "requested"

    User.objects.create_superuser("coordinadora", "c@example.org", "a-long-test-password")
    admin = signed_in_admin(browser, live_server, "coordinadora")
    admin.goto(f"/admin/memberships/edit/{membership.pk}/")
    assert "Córdoba tuvo un observatorio" in admin.content()
    screenshot(admin, "workgroup-admin-request")
    admin.get_by_role("button", name="Approve").click()
    admin.wait_for_url("**/admin/memberships/")
    membership.refresh_from_db()
    assert membership.status == "active"
    admin.context.close()

    welcome = [m for m in mail.outbox if m.to == ["rosa.martinez@example.org"]][-1]
    member_url = re.search(r"https?://\S+/member/[\w\-]+/(?=\n)", welcome.body).group(0)
    page.goto(urlsplit(member_url).path)
    assert "https://meet.example.org/oidp-observatoris" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "workgroup-member-es-phone")
    assert axe_violations(page) == []
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


def test_no_accessibility_violations_on_group_meeting_and_join_pages(browser_page, live_demo):
    page = browser_page
    for language in ("en", "ca", "es"):
        group = WorkingGroupPage.objects.get(
            locale__language_code=language,
            translation_key=WorkingGroupPage.objects.get(
                locale__language_code="en", slug="local-observatories"
            ).translation_key,
        )
        meeting = MeetingPage.objects.child_of(group).order_by("path").first()
        for url in (group.url, meeting.url, group.url + "join/", group.get_parent().url):
            page.goto(url)
            assert axe_violations(page) == [], url
    page.goto(meeting.url)
    screenshot(page, "meeting-es")
    assert page.watcher.console_errors == []


def test_a_coordinator_ends_a_membership_and_the_member_page_closes(
    phone_page, browser, live_server, live_demo
):
    """What the coordinator reads and presses, at desktop and phone width, and what the
    former member then finds behind their link: the page for a link that no longer works."""
    from workgroups.domain import membership as domain

    # Memberships belong to the group in the default language, whichever page was used.
    group = WorkingGroupPage.objects.get(locale__language_code="en", slug="local-observatories")
    membership = domain.request_to_join(
        group,
        {
            "name": "Antic Membre",
            "email": "antic.membre@example.org",
            "organisation": None,
            "organisation_name": "Ajuntament de Girona",
            "language": "ca",
            "motivation": "",
            "show_on_page": False,
        },
        privacy_version="2027-1",
    )
    domain.approve(membership)
    welcome = [m for m in mail.outbox if m.to == ["antic.membre@example.org"]][-1]
    manage = re.search(r"/member/([\w\-]+)/(?=\n)", welcome.body).group(1)
    User.objects.create_superuser("coordinadora", "c@example.org", "a-long-test-password")
    for width in (390, 1280):
        admin = signed_in_admin(browser, live_server, "coordinadora", width=width)
        admin.goto(f"/admin/memberships/edit/{membership.pk}/")
        screenshot(admin, f"workgroup-admin-end-{width}")
        assert admin.get_by_role("heading", name="End this membership").is_visible()
        assert "they get no more meeting notices" in admin.inner_text("body")
        if width == 390:
            admin.context.close()
            continue
        # Without a reason the browser asks for one; nothing changes.
        admin.get_by_role("button", name="End membership").click()
        membership.refresh_from_db()
        assert membership.status == "active"
        admin.fill("#end-reason", "L'ajuntament ha deixat la xarxa.")
        admin.get_by_role("button", name="End membership").click()
        admin.wait_for_url("**/admin/memberships/")
        assert "is no longer a member; we have told them." in admin.inner_text("body")
        screenshot(admin, "workgroup-admin-ended-1280")
        admin.context.close()
    membership.refresh_from_db()
    assert membership.status == "ended"
    told = [m for m in mail.outbox if m.to == ["antic.membre@example.org"]][-1]
    assert "L'ajuntament ha deixat la xarxa." in told.body

    page = phone_page
    response = page.goto(f"{group.url}member/{manage}/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") in ("en", "ca")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "workgroup-former-member-phone")
    assert axe_violations(page) == []
