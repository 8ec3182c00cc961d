from django.core.management.base import BaseCommand

from workgroups.domain.notices import send_due


class Command(BaseCommand):
    help = (
        "Send the meeting change notices whose quiet time has passed. The worker does this "
        "by itself (deferred tasks); run this from cron as a safety net."
    )

    def handle(self, *args, **options):
        count = send_due()
        if options["verbosity"]:
            self.stdout.write(f"Queued {count} meeting notice(s).")
