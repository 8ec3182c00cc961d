from django.core.management.base import BaseCommand

from core.mail import STRANDED_AFTER, send_stranded


class Command(BaseCommand):
    help = (
        "Send queued emails the worker has not sent within "
        f"{int(STRANDED_AFTER.total_seconds() // 60)} minutes: their job was lost, "
        "for instance when the queue was down as the request committed; and retries after "
        "an ESP outage that fell due. Every 5 minutes."
    )

    def handle(self, *args, **options):
        tried = send_stranded()
        self.stdout.write(f"{tried} queued email(s) sent or retried.")
