"""The privacy notice now belongs to core (core.0008 took its table and rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_privacy_notice"),
        ("events", "0008_every_registration_holds_a_conference_place"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PrivacyNotice")],
        ),
    ]
