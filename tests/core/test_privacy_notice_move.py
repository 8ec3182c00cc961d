"""The privacy notice moved from events to core (core.0008, events.0009): a site that
had notices keeps them, with the same content type row, so Wagtail's permissions and
wagtail-localize's translation sources still point at them."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("core", "0007_outbox_forgets_sent_bodies"),
    ("events", "0008_every_registration_holds_a_conference_place"),
]
AFTER = [("core", "0008_privacy_notice"), ("events", "0009_privacy_notice_moves_to_core")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.once
@pytest.mark.django_db(transaction=True)
def test_notices_their_content_type_and_permissions_survive_the_move():
    try:
        old = migrate(BEFORE)
        ContentType = old.get_model("contenttypes", "ContentType")
        Permission = old.get_model("auth", "Permission")
        Locale = old.get_model("wagtailcore", "Locale")
        locale, _new = Locale.objects.get_or_create(language_code="en")
        notice = old.get_model("events", "PrivacyNotice").objects.create(
            locale=locale,
            version="2026-1",
            effective_from=datetime.date(2026, 11, 1),
            text="We keep…",
        )
        kind, _new = ContentType.objects.get_or_create(app_label="events", model="privacynotice")
        Permission.objects.get_or_create(
            content_type=kind, codename="change_privacynotice", defaults={"name": "Can change"}
        )

        new = migrate(AFTER)
        moved = new.get_model("core", "PrivacyNotice").objects.get(pk=notice.pk)
        assert (moved.pk, moved.version, moved.text) == (notice.pk, "2026-1", "We keep…")
        kind_now = new.get_model("contenttypes", "ContentType").objects.get(pk=kind.pk)
        assert (kind_now.app_label, kind_now.model) == ("core", "privacynotice")
        permission = new.get_model("auth", "Permission").objects.get(
            codename="change_privacynotice"
        )
        assert permission.content_type_id == kind.pk
        assert "events_privacynotice" not in connection.introspection.table_names()
    finally:
        migrate(AFTER)
