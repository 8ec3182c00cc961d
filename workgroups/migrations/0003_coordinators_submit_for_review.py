"""Coordinators submit their group's pages for review instead of publishing them: the
publish permission granted on each group's page until now is taken back."""

from django.db import migrations


def take_back_publish(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name__startswith="Working group coordinators",
        permission__content_type__app_label="wagtailcore",
        permission__codename="publish_page",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0002_membership_end"),
    ]

    operations = [migrations.RunPython(take_back_publish, migrations.RunPython.noop)]
