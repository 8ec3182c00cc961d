"""Conference places were counted only while the conference had a capacity, so one set
later started from nought and let the conference overbook. Every live registration
now holds a place: count those already in."""

from django.db import migrations
from django.db.models import Count, Q

LIVE = ["pending", "confirmed"]


def count_conference_places(apps, schema_editor):
    ConferencePage = apps.get_model("events", "ConferencePage")
    Seats = apps.get_model("events", "Seats")
    conferences = ConferencePage.objects.annotate(
        delegates=Count("registrations", filter=Q(registrations__status__in=LIVE))
    )
    counted = set(Seats.objects.values_list("page_id", flat=True))
    for conference in conferences:
        # A count kept while a capacity was set and not released after it was removed
        # is wrong too, even with nobody registered now.
        if not conference.delegates and conference.pk not in counted:
            continue
        seats, _created = Seats.objects.get_or_create(page_id=conference.pk)
        seats.taken = conference.delegates
        if seats.capacity is not None and seats.taken > seats.capacity:
            # Already over (the gap this closes): keep everyone, let no one else in.
            # claim_seat refuses while taken is not below the conference's capacity.
            seats.capacity = None
        seats.save(update_fields=["taken", "capacity"])


class Migration(migrations.Migration):
    dependencies = [("events", "0007_pages_delegates_registered_for_are_kept")]

    operations = [migrations.RunPython(count_conference_places, migrations.RunPython.noop)]
