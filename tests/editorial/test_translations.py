"""Translations follow their source without losing a translator's work, and reach
readers only through review."""

import datetime

import polib
import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.domain import translation_status as status
from core.domain import translations
from events.models import SessionPage

pytestmark = pytest.mark.django_db


def approve(page, moderator):
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def translate_every_segment(translation, text=lambda source: f"[ca] {source}"):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text(segment.string.data)},
        )


def ca_status(page, locales):
    rows = status.status_table(locales=[locales["ca"]])
    return next(row for row in rows if row.page["id"] == page.pk).cells[0].status


@pytest.fixture
def new_session(conference, editor, moderator, django_capture_on_commit_callbacks):
    """An editor writes a session in English and submits it; a moderator approves it."""
    start = datetime.datetime(2013, 11, 14, 16, tzinfo=conference.zone)
    page = SessionPage(
        title="Participatory planning in coastal towns",
        slug="participatory-planning-coastal-towns",
        kind="workshop",
        start=start,
        end=start + datetime.timedelta(hours=1),
        abstract="How Cascais and Estoril plan their coast with residents.",
        languages=["en"],
        live=False,
    )
    conference.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        submit(page, editor)
        approve(page, moderator)
    page.refresh_from_db()
    return page


def test_a_published_source_gets_a_draft_in_every_other_locale(new_session, locales):
    for code in ("ca", "es", "fr", "pt"):
        draft = new_session.get_translation(locales[code])
        assert not draft.live, code
        assert Translation.objects.filter(
            source__object_id=new_session.translation_key, target_locale=locales[code]
        ).exists()
    assert ca_status(new_session, locales) == status.MISSING


def test_a_translation_goes_live_only_when_a_moderator_approves_it(
    new_session, locales, translator, moderator, django_capture_on_commit_callbacks
):
    catalan = new_session.get_translation(locales["ca"]).specific
    translation = translations.editor_translation(catalan)
    translate_every_segment(translation)
    mail.outbox.clear()

    translations.submit_for_review(translation, translator)

    catalan.refresh_from_db()
    assert not catalan.live
    assert catalan.current_workflow_state.status == "in_progress"
    # The moderator is told in their own language (their admin profile says Catalan).
    [notice] = [m for m in mail.outbox if "moderator@example.org" in m.to]
    assert "enviada a aprovació" in notice.subject, notice.subject

    with django_capture_on_commit_callbacks(execute=True):
        approve(catalan, moderator)
    catalan.refresh_from_db()
    assert catalan.live
    assert catalan.title == "[ca] Participatory planning in coastal towns"
    assert ca_status(new_session, locales) == status.UP_TO_DATE

    # History: who translated, who approved.
    actions = {
        (entry.action, entry.user.username)
        for entry in PageLogEntry.objects.filter(page=catalan).select_related("user")
        if entry.user
    }
    assert ("xarxa.translation.submit", "traductora") in actions
    assert ("wagtail.workflow.approve", "moderator") in actions
    assert ("wagtail.publish", "moderator") in actions


def test_a_draft_of_a_live_translation_leaves_readers_page_alone(session, locales, translator):
    """wagtail-localize writes drafts onto the page row; readers must keep the approved text."""
    catalan = session.get_translation(locales["ca"]).specific
    approved_title = catalan.title
    translation = translations.editor_translation(catalan)
    translate_every_segment(translation, text=lambda source: "ESBORRANY")

    translations.submit_for_review(translation, translator)

    live = SessionPage.objects.get(pk=catalan.pk)
    assert live.title == approved_title
    assert live.live
    assert live.get_latest_revision_as_object().title == "ESBORRANY"


def test_a_source_change_marks_the_translation_outdated_and_keeps_hand_edits(
    session, locales, translator, moderator, django_capture_on_commit_callbacks
):
    """Synced, then edited by hand, then the source changes."""
    catalan = session.get_translation(locales["ca"]).specific
    translation = translations.editor_translation(catalan)
    # Synced: the demo's translation is tracked, every segment translated.
    assert ca_status(session, locales) == status.UP_TO_DATE
    # Edited by hand in the translation editor, reviewed and approved.
    abstract = StringSegment.objects.get(source=translation.source, context__path="abstract")
    StringTranslation.objects.filter(
        translation_of=abstract.string, locale=locales["ca"], context=abstract.context
    ).update(data="Resum revisat a mà per la traductora.")
    with django_capture_on_commit_callbacks(execute=True):
        translations.submit_for_review(translation, translator)
        approve(SessionPage.objects.get(pk=catalan.pk), moderator)
    catalan.refresh_from_db()
    assert catalan.abstract == "Resum revisat a mà per la traductora."
    hand_title = catalan.title

    # The source changes: a new title and a later start.
    later = session.start + datetime.timedelta(hours=1)
    session.title = "Opening plenary: cities for sustainability"
    session.start, session.end = later, session.end + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision(user=moderator).publish(user=moderator)

    catalan.refresh_from_db()
    assert catalan.title == hand_title  # not overwritten
    assert catalan.abstract == "Resum revisat a mà per la traductora."
    assert catalan.start == later  # synchronized fields follow at once
    assert ca_status(session, locales) == status.OUTDATED
    # Exactly the changed segment waits for a translation.
    waiting = [
        segment.context.path
        for segment in StringSegment.objects.filter(source=translation.source)
        .annotate_translation(locales["ca"])
        .filter(translation__isnull=True)
        .select_related("context")
    ]
    assert waiting == ["title"]


def test_a_page_edited_outside_the_translation_editor_is_not_overwritten(
    session, locales, moderator, django_capture_on_commit_callbacks
):
    catalan = session.get_translation(locales["ca"]).specific
    Translation.objects.filter(
        source__object_id=session.translation_key, target_locale=locales["ca"]
    ).update(enabled=False)  # "Stop synced translation"
    catalan.abstract = "Escrit directament a l'editor de pàgines."
    catalan.save_revision(user=moderator).publish(user=moderator)

    session.abstract = "A new English abstract."
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision(user=moderator).publish(user=moderator)

    catalan.refresh_from_db()
    assert catalan.abstract == "Escrit directament a l'editor de pàgines."
    assert ca_status(session, locales) == status.OUTDATED


def test_a_po_export_then_import_restores_every_segment(session, locales, moderator, client):
    catalan = session.get_translation(locales["ca"]).specific
    translation = translations.editor_translation(catalan)
    client.force_login(moderator)
    exported = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    before = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po}
    assert before and all(before.values())

    StringTranslation.objects.filter(
        locale=locales["ca"], context__object_id=session.translation_key
    ).delete()
    assert translation.get_progress()[1] == 0

    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "ca.po", exported.content, content_type="text/x-gettext-translation"
    )
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]), {"file": upload}
    )
    assert response.status_code == 302
    total, done = translation.get_progress()
    assert done == total == len(before)
    again = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.id])
        ).content.decode()
    )
    assert {(entry.msgctxt, entry.msgid): entry.msgstr for entry in again} == before


def test_only_those_who_publish_may_turn_a_translation_back_into_english(
    session, locales, translator, moderator, client
):
    """wagtail-localize's "Convert to alias page" puts the English content live at once,
    without review: a translator can neither post it nor, on a page translated by hand,
    see it in the page's menu."""
    catalan = session.get_translation(locales["ca"]).specific
    translation = translations.editor_translation(catalan)
    convert = f"/admin/localize/page/{catalan.pk}/convert_to_alias/"
    edit = reverse("wagtailadmin_pages:edit", args=[catalan.pk])
    menu_item = 'name="localize-convert-to-alias"'
    client.force_login(translator)
    refused = client.post(convert)  # Wagtail's admin answers PermissionDenied this way
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert SessionPage.objects.get(pk=catalan.pk).alias_of_id is None
    # Translated by hand from now on: the page's own edit view, with its action menu.
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    assert menu_item not in client.get(edit).content.decode()
    client.force_login(moderator)
    assert menu_item in client.get(edit).content.decode()
    assert client.post(convert).status_code == 302
    assert SessionPage.objects.get(pk=catalan.pk).alias_of_id == session.pk
