"""Sending an issue: the ledger, batches, retries and resuming (the decision to send is in
`scheduling`).

The ledger has one row per issue and subscriber (a unique constraint). A batch is claimed
(queued → sending) and committed before the ESP is called, then marked sent; so a worker
killed mid-batch leaves rows in "sending", which the next run re-queues once they are older
than the lease, and rows already sent are never claimed again. The one window left is
between the ESP accepting a batch and our commit, a few milliseconds per batch.
"""

import datetime
import logging
from collections import defaultdict

from anymail.exceptions import AnymailRecipientsRefused
from anymail.message import AnymailMessage
from django.conf import settings
from django.core.mail import get_connection
from django.db import connections, router, transaction
from django.db.models import Case, Count, F, Q, Subquery, Value, When
from django.db.models.constants import OnConflict
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.models import Locale

from core import mail
from newsletter.domain import rendering
from newsletter.domain.links import subscriber_token
from newsletter.enums import DeliveryStatus, DispatchStatus, SubscriberStatus
from newsletter.models import Delivery, Dispatch, NewsletterIssuePage, Subscriber

log = logging.getLogger(__name__)

#: A transient failure is tried this many times in all before the row is marked failed.
MAX_ATTEMPTS = 5
#: The first retry waits this long; each further one twice as long, up to an hour.
FIRST_BACKOFF = datetime.timedelta(seconds=30)
_DONE = (DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.SUPPRESSED)
_REFUSED = {"rejected", "invalid", "failed"}
_SENDING = DeliveryStatus.SENDING


def source_of(issue):
    """The default-language page, which the dispatch belongs to (or the issue itself when
    it was written in another language first)."""
    return issue.get_translation_or_none(Locale.get_default()) or issue


def recipients(issue):
    """Confirmed subscribers of any of the issue's topics (all of them for an issue with none)."""
    readers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
    topic_ids = list(source_of(issue).topics.values_list("pk", flat=True))
    if topic_ids:
        readers = readers.filter(topics__in=topic_ids).distinct()
    return readers


def live_languages(issue):
    return set(
        NewsletterIssuePage.objects.live()
        .filter(translation_key=issue.translation_key)
        .values_list("locale__language_code", flat=True)
    )


def _lease():
    return datetime.timedelta(seconds=settings.XARXA_NEWSLETTER_LEASE)


# The ledger -------------------------------------------------------------------------


def write_ledger(dispatch):
    """One queued row per reader, in the language they will get. Run once per dispatch."""
    live = live_languages(dispatch.issue)
    fallback = [language for language in dispatch.fallback_languages if language not in live]
    sendable = Q(language__in=live) | Q(language__in=fallback)
    rows = (
        recipients(dispatch.issue)
        .annotate(
            row_dispatch=Value(dispatch.pk),
            row_language=Case(
                When(language__in=fallback, then=Value(settings.LANGUAGE_CODE)),
                default=F("language"),
            ),
            # A translation unpublished after the editor pressed Send: hold it back, visibly.
            row_status=Case(
                When(sendable, then=Value(DeliveryStatus.QUEUED.value)),
                default=Value(DeliveryStatus.SUPPRESSED.value),
            ),
            row_error=Case(
                When(sendable, then=Value("")), default=Value("no published translation")
            ),
            row_attempts=Value(0),
            row_message_id=Value(""),
        )
        .values_list(
            "row_dispatch", "pk", "email", "row_language", "row_status", "row_error",
            "row_attempts", "row_message_id",
        )
        .order_by("pk")
    )  # fmt: skip
    columns = ("dispatch", "subscriber", "email", "language", "status", "error", "attempts",
               "esp_message_id")  # fmt: skip
    # One INSERT ... SELECT: the rows never travel through Python, where building 10,000
    # model instances and their parameters took longer than sending the issue.
    return _insert_from(Delivery, columns, rows)


def _insert_from(model, columns, query):
    """INSERT INTO the model's table the rows `query` selects, skipping any that would
    break a unique constraint; how many were inserted. (The ORM has no INSERT ... SELECT.)"""
    connection = connections[router.db_for_write(model)]
    ops = connection.ops
    names = ", ".join(ops.quote_name(model._meta.get_field(c).column) for c in columns)
    select, params = query.query.get_compiler(connection=connection).as_sql()
    statement = ops.insert_statement(on_conflict=OnConflict.IGNORE)
    suffix = ops.on_conflict_suffix_sql([], OnConflict.IGNORE, [], [])
    table = ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"{statement} {table} ({names}) {select} {suffix}", params)
        return cursor.rowcount


def _start(dispatch_id, now):
    with transaction.atomic():
        dispatch = (
            Dispatch.objects.select_for_update()
            .select_related("issue")
            .filter(pk=dispatch_id)
            .first()
        )
        if dispatch is None or dispatch.status in (DispatchStatus.SENT, DispatchStatus.CANCELLED):
            return None
        if dispatch.scheduled_for > now:
            return None
        if not dispatch.ledger_written:
            dispatch.total = write_ledger(dispatch)
            dispatch.ledger_written = True
            dispatch.status = DispatchStatus.SENDING
            dispatch.started_at = now
            dispatch.save(update_fields=["total", "ledger_written", "status", "started_at"])
    return dispatch


def _arm_watchdog(dispatch, now):
    """Keep one deferred run pending while a send is unfinished: if this worker dies, the
    next worker to start runs it, re-queues what the dead one had claimed, and goes on."""
    if not default_task_backend.supports_defer:
        return
    due = now + _lease()
    armed = (
        Dispatch.objects.filter(pk=dispatch.pk)
        .filter(Q(watchdog_at__isnull=True) | Q(watchdog_at__lte=now))
        .update(watchdog_at=due)
    )
    if armed:
        # The tasks import this module: a cycle inside the app.
        from newsletter.tasks import send_dispatch

        send_dispatch.using(run_after=due).enqueue(dispatch.pk)


def requeue_stale(dispatch, now):
    stale = Delivery.objects.filter(
        dispatch=dispatch, status=DeliveryStatus.SENDING, claimed_at__lt=now - _lease()
    )
    # A batch that took its worker down this often would take the next one down too.
    stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=DeliveryStatus.FAILED, error="the worker stopped during every attempt"
    )
    return stale.update(status=DeliveryStatus.QUEUED)


class _Claimed:
    """A claimed ledger row and what its message needs of the reader: a batch's worth of
    these costs a fraction of as many model instances with their subscribers."""

    __slots__ = (
        "pk", "email", "language", "attempts", "subscriber_id", "subscriber", "claimed_at",
        "status", "error", "sent_at", "next_attempt_at", "esp_message_id",
    )  # fmt: skip

    def __init__(self, pk, email, language, attempts, next_attempt_at, subscriber, claimed_at):
        self.pk, self.email, self.language = pk, email, language
        self.attempts, self.next_attempt_at, self.claimed_at = attempts, next_attempt_at, claimed_at
        self.subscriber_id, self.subscriber = subscriber.pk, subscriber
        self.status, self.error, self.sent_at, self.esp_message_id = _SENDING, "", None, ""


_CLAIMED = (
    "pk", "email", "language", "attempts", "next_attempt_at",
    "subscriber_id", "subscriber__status", "subscriber__key", "subscriber__language",
)  # fmt: skip


def _claim(dispatch, size, now):
    """Up to `size` queued rows in one language, marked sending and committed."""
    due = Delivery.objects.filter(dispatch=dispatch, status=DeliveryStatus.QUEUED).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    # The first due row's language, asked in the same query as the batch.
    first = Subquery(due.order_by("pk").values("language")[:1])
    with transaction.atomic():
        locked = (
            due.filter(language=first)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list(*_CLAIMED)[:size]
        )
        rows, gone = [], []
        for pk, email, language, attempts, retry, reader, status, key, reader_language in locked:
            if reader is None or status != SubscriberStatus.CONFIRMED:
                gone.append(pk)
            else:
                reader = _Reader(reader, key, reader_language)
                rows.append(_Claimed(pk, email, language, attempts + 1, retry, reader, now))
        if gone:
            Delivery.objects.filter(pk__in=gone).update(status=DeliveryStatus.SUPPRESSED)
        if rows:
            Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(
                status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
    return rows if rows or not gone else _claim(dispatch, size, now)


def _rendered(dispatch, language, cache):
    if language not in cache:
        page = (
            NewsletterIssuePage.objects.live()
            .filter(translation_key=dispatch.issue.translation_key)
            .filter(locale__language_code=language)
            .first()
        )
        cache[language] = rendering.render(page) if page is not None else None
    return cache[language]


def _withdraw_language(dispatch, rows):
    """A translation unpublished after Send: its readers are held back, visibly."""
    for row in rows:
        row.status = DeliveryStatus.SUPPRESSED
    _save_outcomes(rows, error="no published translation")
    Delivery.objects.filter(
        dispatch=dispatch, status=DeliveryStatus.QUEUED, language=rows[0].language
    ).update(status=DeliveryStatus.SUPPRESSED, error="no published translation")


def links_for(subscriber_id, key, language):
    token = subscriber_token(_Reader(subscriber_id, key))
    base = f"{settings.XARXA_BASE_URL}/{language}/newsletter"
    return {
        "unsubscribe_url": f"{base}/unsubscribe/{token}/",
        "preferences_url": f"{base}/preferences/{token}/",
    }


class _Reader:
    __slots__ = ("pk", "key", "language")

    def __init__(self, pk, key, language=None):
        self.pk, self.key, self.language = pk, key, language


def message_for(dispatch, rendered, rows, sender):
    """One batch send: the rendered issue, and each reader's links as merge data."""
    message = AnymailMessage(
        subject=rendered.subject, body=rendered.text, from_email=sender, to=[r.email for r in rows]
    )
    message.attach_alternative(rendered.html, "text/html")
    merge_data, merge_headers, merge_metadata = {}, {}, {}
    for row in rows:
        links = links_for(row.subscriber_id, row.subscriber.key, row.subscriber.language)
        merge_data[row.email] = links
        merge_headers[row.email] = {
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        merge_metadata[row.email] = {"delivery": str(row.pk)}
    message.merge_data = merge_data
    message.merge_headers = merge_headers
    message.merge_metadata = merge_metadata
    message.metadata = {"dispatch": str(dispatch.pk)}
    message.tags = ["newsletter"]
    message.extra_headers = {"List-Id": f"<newsletter.{settings.XARXA_LIST_ID_DOMAIN}>"}
    return message


def _send_batch(dispatch, rows, rendered, sender, connection, now):
    message = message_for(dispatch, rendered, rows, sender)
    try:
        connection.send_messages([message])
    except AnymailRecipientsRefused:
        pass  # every recipient refused: the statuses below say so
    except Exception as error:  # an ESP can fail in many ways; each is recorded
        description = f"{type(error).__name__}: {error}"[:2000]
        log.warning("newsletter batch of %s failed: %s", len(rows), type(error).__name__)
        if not mail.surely_not_sent(error):
            for row in rows:
                row.status = DeliveryStatus.FAILED
            _save_outcomes(rows, error=description)
            return None
        retry_at = None
        for row in rows:
            if row.attempts >= MAX_ATTEMPTS:
                row.status, row.next_attempt_at = DeliveryStatus.FAILED, None
            else:
                row.status = DeliveryStatus.QUEUED
                row.next_attempt_at = now + min(
                    FIRST_BACKOFF * 2 ** (row.attempts - 1), datetime.timedelta(hours=1)
                )
                retry_at = min(retry_at or row.next_attempt_at, row.next_attempt_at)
        _save_outcomes(rows, error=description)
        if retry_at:
            # The ESP is down for everyone: the rest of the list waits too, untried.
            Delivery.objects.filter(dispatch=dispatch, status=DeliveryStatus.QUEUED).filter(
                Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lt=retry_at)
            ).update(next_attempt_at=retry_at)
        return retry_at
    statuses = getattr(getattr(message, "anymail_status", None), "recipients", {}) or {}
    sent_at = timezone.now()
    for row in rows:
        status = statuses.get(row.email)
        if status is not None and status.status in _REFUSED:
            row.status, row.error, row.sent_at = (
                DeliveryStatus.FAILED,
                f"ESP: {status.status}",
                None,
            )
        else:
            row.status, row.error, row.sent_at = DeliveryStatus.SENT, "", sent_at
        row.esp_message_id = str(getattr(status, "message_id", "") or "")[:200]
    _save_outcomes(rows)
    return None


def _save_outcomes(rows, error=None):
    """One UPDATE per distinct outcome: a batch mostly shares one (bulk_update's CASE per
    row cost more than the send itself)."""
    groups = defaultdict(list)
    for row in rows:
        key = (
            row.claimed_at,
            row.status,
            row.error if error is None else error,
            row.sent_at,
            row.next_attempt_at,
            row.esp_message_id,
        )
        groups[key].append(row.pk)
    for (claimed_at, status, row_error, sent_at, next_attempt, message_id), ids in groups.items():
        fields = {"status": status, "error": row_error, "next_attempt_at": next_attempt}
        if status != DeliveryStatus.QUEUED:
            fields.update(sent_at=sent_at, esp_message_id=message_id)
        # Only rows still held by this claim: a run that outlived its lease must not
        # overwrite what the run that took the batch over recorded.
        Delivery.objects.filter(
            pk__in=ids, status=DeliveryStatus.SENDING, claimed_at=claimed_at
        ).update(**fields)


def run(dispatch_id, *, batch_size=None, now=None, progress=None):
    """Send what is due of a dispatch. Safe to run twice, or in two workers at once."""
    fixed_now = now is not None
    now = now or timezone.now()
    dispatch = _start(dispatch_id, now)
    if dispatch is None:
        return None
    _arm_watchdog(dispatch, now)
    requeue_stale(dispatch, now)
    size = batch_size or settings.XARXA_NEWSLETTER_BATCH
    # A long send must stamp each claim with its own time, or a watchdog would take a
    # batch claimed just now for one a dead worker left behind.
    clock = (lambda: now) if fixed_now else timezone.now
    renders = {}
    sender = mail.sender()
    retry_at = None
    with get_connection() as connection:
        while rows := _claim(dispatch, size, clock()):
            rendered = _rendered(dispatch, rows[0].language, renders)
            if rendered is None:
                _withdraw_language(dispatch, rows)
                continue
            retry_at = _send_batch(dispatch, rows, rendered, sender, connection, clock())
            if progress:
                progress(counts(dispatch))
            if retry_at:
                break
    _finish(dispatch, retry_at)
    return retry_at


def _finish(dispatch, retry_at):
    unfinished = Delivery.objects.filter(
        dispatch=dispatch, status__in=[DeliveryStatus.QUEUED, DeliveryStatus.SENDING]
    )
    if not unfinished.exists():
        Dispatch.objects.filter(pk=dispatch.pk).update(
            status=DispatchStatus.SENT, finished_at=timezone.now()
        )
        return

    if retry_at and default_task_backend.supports_defer:
        # The tasks import this module: a cycle inside the app.
        from newsletter.tasks import send_dispatch

        transaction.on_commit(lambda: send_dispatch.using(run_after=retry_at).enqueue(dispatch.pk))


def counts(dispatch):
    """Rows per status, and the total, for progress bars."""
    by_status = dict(
        Delivery.objects.filter(dispatch=dispatch)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    done = sum(by_status.get(status, 0) for status in _DONE)
    return {"total": sum(by_status.values()), "done": done, **by_status}
