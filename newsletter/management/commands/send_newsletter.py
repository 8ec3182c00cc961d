"""Send an issue from the command line, with a progress bar; or everything due (cron)."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsletter.domain import scheduling, sending
from newsletter.models import Dispatch, NewsletterIssuePage


class Command(BaseCommand):
    help = (
        "Send a newsletter issue now (by page id), showing progress, or with --due send every "
        "scheduled issue whose time has come. Resumes a send a stopped worker left unfinished."
    )

    def add_arguments(self, parser):
        parser.add_argument("issue", nargs="?", type=int, help="the issue page's id")
        parser.add_argument("--due", action="store_true", help="send every issue that is due")
        parser.add_argument(
            "--fallback",
            action="store_true",
            help="send the default-language version to readers whose language has no translation",
        )

    def handle(self, *args, issue=None, due=False, fallback=False, **options):
        if due:
            for dispatch in scheduling.due_dispatches():
                self.send(dispatch)
            return
        if issue is None:
            raise CommandError("Give an issue page id, or --due.")
        page = NewsletterIssuePage.objects.filter(pk=issue).first()
        if page is None:
            raise CommandError(f"No newsletter issue has the id {issue}.")
        dispatch = Dispatch.objects.filter(issue=sending.source_of(page)).first()
        if dispatch is None:
            try:
                dispatch = scheduling.schedule(page, fallback=fallback)
            except scheduling.Refusal as refusal:
                raise CommandError(refusal.message) from refusal
        self.send(dispatch)

    def send(self, dispatch):
        self.stdout.write(f"{dispatch.issue.title}")
        while True:
            retry_at = sending.run(dispatch.pk, progress=self.bar)
            if not retry_at:
                break
            wait = max(0.0, (retry_at - timezone.now()).total_seconds())
            self.stdout.write(f"\nThe ESP failed; trying again in {wait:.0f} s.")
            time.sleep(wait)
        counts = sending.counts(dispatch)
        self.bar(counts)
        self.stdout.write(
            "\n"
            + ", ".join(
                f"{counts.get(status, 0)} {status}"
                for status in ("sent", "failed", "suppressed", "queued")
            )
        )

    def bar(self, counts, width=40):
        total = counts["total"] or 1
        filled = int(width * counts["done"] / total)
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {counts['done']}/{counts['total']}"
        self.stdout.write(line, ending="")
        if self.stdout.isatty():
            sys.stdout.flush()
