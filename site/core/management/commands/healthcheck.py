from django.core.management.base import BaseCommand, CommandError

from core.domain import health


class Command(BaseCommand):
    help = "Check the database, cache, task queue and migrations; exit 1 if any fails."

    def handle(self, *args, **options):
        ok, report = health.run(health.ALL_CHECKS)
        for name, item in report.items():
            mark = "ok  " if item["ok"] else "FAIL"
            self.stdout.write(f"{mark} {name}: {item['detail']}")
        if not ok:
            raise CommandError("unhealthy")
