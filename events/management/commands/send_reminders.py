import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.domain.registration_upkeep import send_reminders


class Command(BaseCommand):
    help = "Email confirmed delegates of conferences that start in two days (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, today=None, **options):
        count = send_reminders(today or timezone.localdate())
        if options["verbosity"]:
            self.stdout.write(f"Queued {count} reminder(s).")
