"""The editorial workflow, one person per browser: an editor writes a session, a
moderator approves it, a Catalan translator translates it, the moderator approves the
translation, Catalan readers see it, and an English edit shows Catalan as outdated."""

import re

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from events.models import ConferencePage, SessionPage
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
TITLE = "Participatory planning in coastal towns"


def member(username, group, language):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def log_in(browser, live_server, username):
    page = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    ).new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def approve(moderator, title):
    moderator.goto("/admin/")
    row = moderator.locator("tr", has_text=title).first
    row.locator(".w-dropdown__toggle, [aria-haspopup]").first.click()
    row.get_by_role("button", name="Approve", exact=True).click()
    moderator.wait_for_load_state("networkidle")


def test_a_session_goes_from_english_to_catalan_through_review(browser, live_server, live_demo):
    member("editor", "Editors", "en")
    member("moderator", "Moderators", "en")
    member("traductora", "Translators (ca)", "ca")
    conference = ConferencePage.objects.get(
        locale=Locale.get_default(), slug="13th-conference-cascais"
    )

    # 1. The editor writes the session in English and submits it.
    editor = log_in(browser, live_server, "editor")
    editor.goto(f"/admin/pages/add/events/sessionpage/{conference.pk}/")
    editor.fill("#id_title", TITLE)
    screenshot(editor, "editorial-1-editor-form")
    editor.select_option("#id_kind", "workshop")
    day = conference.start_date.isoformat()
    editor.fill("#id_start", f"{day} 16:00")
    editor.fill("#id_end", f"{day} 17:00")
    editor.locator("input[name=languages][value=en]").check()
    editor.fill("#id_abstract", "How Cascais and Estoril plan their coast with their residents.")
    editor.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    screenshot(editor, "editorial-1-editor-actions")
    editor.get_by_role("button", name=re.compile("Submit to Review and publish")).click()
    editor.wait_for_load_state("networkidle")
    screenshot(editor, "editorial-1-editor-submitted")
    editor.wait_for_url(lambda url: "/add/" not in url)
    session = SessionPage.objects.get(locale=Locale.get_default(), title=TITLE)
    assert not session.live
    assert session.current_workflow_state.status == "in_progress"

    # 2. The moderator approves it, from the dashboard's "Awaiting your review".
    moderator = log_in(browser, live_server, "moderator")
    screenshot(moderator, "editorial-2-moderator-dashboard")
    approve(moderator, TITLE)
    screenshot(moderator, "editorial-2-moderator-approved")
    session.refresh_from_db()
    assert session.live
    catalan = session.get_translation(Locale.objects.get(language_code="ca"))
    assert not catalan.live  # a draft, for the translators

    # 3. The Catalan translator opens the Catalan draft from the translation status,
    # machine-translates it and submits it for review.
    translator = log_in(browser, live_server, "traductora")
    translator.goto("/admin/translations/")
    row = translator.locator("tr", has_text=TITLE)
    assert row.locator("td[data-locale=ca]").get_attribute("data-status") == "missing"
    screenshot(translator, "editorial-3-translator-status")
    row.locator("td[data-locale=ca] a").first.click()
    translator.get_by_role("button", name=re.compile("Traduir amb")).click()
    translator.wait_for_load_state("networkidle")
    screenshot(translator, "editorial-3-translator-editor")
    translator.goto("/admin/translations/")
    translator.locator("tr", has_text=TITLE).get_by_role("link", name="Envia a revisió").click()
    screenshot(translator, "editorial-3-translator-submit")
    translator.get_by_role("button", name="Envia a revisió").click()
    translator.wait_for_load_state("networkidle")
    catalan.refresh_from_db()
    assert catalan.current_workflow_state.status == "in_progress"
    assert not catalan.live
    machine_title = catalan.draft_title
    assert machine_title != TITLE and "coastal" in machine_title  # the dummy reverses words

    # 4. The moderator approves the translation.
    approve(moderator, machine_title)
    screenshot(moderator, "editorial-4-moderator-approved-ca")
    catalan.refresh_from_db()
    assert catalan.live and catalan.title == machine_title

    # 5. Catalan readers see it in the programme and in the feed.
    reader = browser.new_context(base_url=live_server.url, locale="ca-ES").new_page()
    catalan_conference = conference.get_translation(catalan.locale)
    reader.goto(catalan_conference.url + "programme/")
    assert machine_title in reader.content()
    screenshot(reader, "editorial-5-catalan-programme")
    assert axe_violations(reader) == []
    reader.goto(catalan.url)
    assert reader.locator("h1").inner_text().strip() == machine_title
    assert axe_violations(reader) == []
    feed = reader.request.get(catalan_conference.url + "calendar.ics")
    assert feed.status == 200
    assert machine_title.split()[0] in feed.text()

    # 6. The English source is edited; the dashboard shows Catalan as outdated.
    editor.goto(f"/admin/pages/{session.pk}/edit/")
    editor.fill("#id_title", "Participatory planning in coastal and river towns")
    editor.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    editor.get_by_role("button", name=re.compile("Submit to Review and publish")).click()
    editor.wait_for_load_state("networkidle")
    approve(moderator, "Participatory planning in coastal and river towns")
    translator.goto("/admin/translations/?locale=ca&status=outdated")
    row = translator.locator("tr", has_text="Participatory planning in coastal and river towns")
    assert row.locator("td[data-locale=ca]").get_attribute("data-status") == "outdated"
    screenshot(translator, "editorial-6-translator-outdated")
    catalan.refresh_from_db()
    assert catalan.title == machine_title  # the approved translation stays as it was
