import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.domain.registration_upkeep import anonymise_ended


class Command(BaseCommand):
    help = (
        "Anonymise registrations of conferences that ended more than "
        "XARXA_ANONYMISE_AFTER_MONTHS months ago (run it daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--months", type=int, default=settings.XARXA_ANONYMISE_AFTER_MONTHS)

    def handle(self, *args, today=None, months=None, **options):
        count = anonymise_ended(today or timezone.localdate(), months)
        if options["verbosity"]:
            self.stdout.write(f"Anonymised {count} registration(s).")
