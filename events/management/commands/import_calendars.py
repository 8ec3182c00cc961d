from django.core.management.base import BaseCommand

from events.models import CalendarSubscription
from events.tasks import import_calendar


class Command(BaseCommand):
    help = "Queue an import of every active calendar subscription (run it hourly from cron)."

    def handle(self, *args, **options):
        ids = list(CalendarSubscription.objects.filter(active=True).values_list("pk", flat=True))
        for subscription_id in ids:
            import_calendar.enqueue(subscription_id)
        self.stdout.write(f"Queued {len(ids)} calendar import(s).")
