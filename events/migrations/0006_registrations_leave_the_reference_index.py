"""Registrations and bookings are no longer in Wagtail's reference index (see
Registration): drop the rows earlier saves left, so no page lists delegates as "usage"."""

from django.db import migrations


def forget_registrations(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    found = ContentType.objects.filter(app_label="events", model__in=["registration", "booking"])
    ReferenceIndex.objects.filter(content_type__in=found).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_working_group_links"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forget_registrations, migrations.RunPython.noop)]
