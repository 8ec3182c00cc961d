"""The privacy notice moves from events to core, as every app's forms ask for it: the
model changes hands without losing a row (its table is renamed, its content type, and so
its permissions and translations, follow)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def content_type_to(app_label, other):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=app_label, model="privacynotice").exists():
            ContentType.objects.filter(app_label=other, model="privacynotice").update(
                app_label=app_label
            )

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0007_outbox_forgets_sent_bodies"),
        ("events", "0008_every_registration_holds_a_conference_place"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PrivacyNotice",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("version", models.CharField(help_text="For example 2027-1.", max_length=20, verbose_name="version")),
                        ("effective_from", models.DateField(verbose_name="in force from")),
                        ("text", models.TextField(verbose_name="text")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "privacy notice",
                        "verbose_name_plural": "privacy notices",
                        "ordering": ["-effective_from"],
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                        "db_table": "events_privacynotice",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="privacynotice", table=None),
        migrations.RunPython(content_type_to("core", "events"), content_type_to("events", "core")),
    ]
