"""Deciding to send an issue: readers per language, the translation gate, the schedule.

What happens after (the ledger, batches, retries, resuming) is in `sending`.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend

from newsletter.domain.sending import _arm_watchdog, live_languages, recipients, source_of
from newsletter.enums import DispatchStatus
from newsletter.models import Dispatch, NewsletterIssuePage
from newsletter.tasks import send_dispatch


class Refusal(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def plan(issue):
    """Per language: how many readers, and whether a published translation exists."""
    counts = dict(
        recipients(issue)
        .order_by()
        .values_list("language")
        .annotate(n=Count("pk", distinct=True))
        .values_list("language", "n")
    )
    live = live_languages(issue)
    return [
        {"language": code, "name": name, "readers": counts.get(code, 0), "live": code in live}
        for code, name in settings.LANGUAGES
    ]


def missing_languages(issue):
    return [row["language"] for row in plan(issue) if row["readers"] and not row["live"]]


def schedule(issue, *, user=None, when=None, fallback=False):
    """Start sending now or at `when`. The translation gate: readers whose language has no
    published translation stop the send unless the editor chose to send them the default."""
    source = source_of(issue)
    if not source.live:
        raise Refusal(_("Publish the issue before sending it."))
    unpublished = _with_unpublished_changes(source)
    if unpublished:
        raise Refusal(
            _(
                "Publish or discard the unpublished changes first, so readers get what the "
                "previews show: %(languages)s."
            )
            % {"languages": ", ".join(_language_names(unpublished))}
        )
    missing = missing_languages(source)
    if missing and not fallback:
        raise Refusal(
            _(
                "Some readers' languages have no published translation: %(languages)s. "
                "Publish those translations, or choose to send them the %(default)s version."
            )
            % {
                "languages": ", ".join(_language_names(missing)),
                "default": _language_names([settings.LANGUAGE_CODE])[0],
            }
        )
    now = timezone.now()
    when = when or now
    with transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().filter(issue=source).first()
        if dispatch and dispatch.status != DispatchStatus.CANCELLED:
            raise Refusal(_("This issue has already been sent or scheduled."))
        dispatch = dispatch or Dispatch(issue=source)
        dispatch.status = DispatchStatus.SCHEDULED
        dispatch.scheduled_for = when
        # Ticking the box covers readers who join later in an untranslated language too.
        dispatch.fallback_languages = (
            [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
            if fallback
            else []
        )
        dispatch.requested_by = user
        dispatch.watchdog_at = None
        try:
            # Two senders pressing Send on a first send both find no row to lock above;
            # the one-per-issue constraint makes the second wait, then refuses it.
            with transaction.atomic():
                dispatch.save()
        except IntegrityError:
            if not Dispatch.objects.filter(issue=source).exists():
                raise
            raise Refusal(_("This issue has already been sent or scheduled.")) from None
        _arm_at_schedule(dispatch, max(when, now))
    transaction.on_commit(lambda: _enqueue(dispatch.pk, when))
    return dispatch


def _with_unpublished_changes(source):
    return list(
        NewsletterIssuePage.objects.live()
        .filter(translation_key=source.translation_key, has_unpublished_changes=True)
        .values_list("locale__language_code", flat=True)
    )


def cancel(dispatch):
    return bool(
        Dispatch.objects.filter(pk=dispatch.pk, status=DispatchStatus.SCHEDULED).update(
            status=DispatchStatus.CANCELLED
        )
    )


def _language_names(codes):
    names = dict(settings.LANGUAGES)
    return [_(names.get(code, code)) for code in codes]


def _enqueue(dispatch_id, when=None):
    if when and when > timezone.now():
        if default_task_backend.supports_defer:
            send_dispatch.using(run_after=when).enqueue(dispatch_id)
        # Otherwise `manage.py send_newsletter --due`, run from cron, starts it.
        return
    send_dispatch.enqueue(dispatch_id)


def _arm_at_schedule(dispatch, when):
    # Armed with the schedule itself, so a worker that dies before its run has armed one
    # (writing the ledger, say) still leaves a run behind it.
    _arm_watchdog(dispatch, when)


def due_dispatches(now=None):
    now = now or timezone.now()
    return Dispatch.objects.filter(
        status__in=[DispatchStatus.SCHEDULED, DispatchStatus.SENDING], scheduled_for__lte=now
    )
