from django.core.management.base import BaseCommand

from events.domain.registration_upkeep import release_expired_holds


class Command(BaseCommand):
    help = (
        "Release the seats of registrations not confirmed within XARXA_PENDING_HOLD_HOURS "
        "and promote waiting lists (run it every few minutes from cron)."
    )

    def handle(self, *args, **options):
        count = release_expired_holds()
        if options["verbosity"]:
            self.stdout.write(f"Released {count} unconfirmed registration(s).")
