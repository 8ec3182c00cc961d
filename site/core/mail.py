"""The one way an email leaves Xarxa.

`queue()` renders a message in the recipient's language (subject, text and HTML),
records it in the outbox and hands its id to a background task once the current
transaction commits, so a rolled-back request never sends anything and no request
waits on an ESP. `deliver()` is what the task runs; it is safe to run twice.
"""

import datetime
import email.mime.text
import email.utils
import logging

import css_inline
import requests
from anymail.exceptions import AnymailAPIError
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend

from core.models import NetworkSettings, OutboxMessage

log = logging.getLogger(__name__)

_INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)

#: A message the ESP could not take is tried again after this long, then twice as
#: long each time, waiting at most LONGEST_WAIT between tries...
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=1)
#: ...for a day: as long as a pending registration holds its seats by default. A
#: confirmation link that arrives later is of no use, and a person should look.
GIVE_UP_AFTER = datetime.timedelta(hours=24)


def surely_not_sent(error):
    """True when the ESP surely did not take the message, so sending it again is safe.

    A 429 or 503 is a refusal, and a connection that was never made sent nothing. A
    timeout after connecting, a 500, 502 or 504 may come after the ESP accepted it."""
    if isinstance(error, AnymailAPIError):
        status = getattr(error, "status_code", None)
        if status is not None:
            return status in (429, 503)
        cause = error.__cause__
        return isinstance(cause, requests.ConnectionError) and not isinstance(
            cause, requests.ReadTimeout
        )
    # Anymail's own errors (an invalid address, an unsupported feature) will fail again.
    return isinstance(error, ConnectionRefusedError)


def may_have_been_sent(error):
    """A 5xx or a timeout after connecting: the ESP may have taken the message."""
    if surely_not_sent(error):
        return False
    if isinstance(error, AnymailAPIError):
        status = getattr(error, "status_code", None)
        if status is not None:
            return status >= 500
        return isinstance(error.__cause__, requests.RequestException)
    return isinstance(error, OSError)


def sender():
    site_settings = NetworkSettings.objects.filter(site__is_default_site=True).first()
    if site_settings and site_settings.default_sender_email:
        name = site_settings.default_sender_name or site_settings.short_name
        return f"{name} <{site_settings.default_sender_email}>"
    return settings.DEFAULT_FROM_EMAIL


def sender_address():
    """The bare address of the sender, for a calendar invitation's ORGANIZER."""
    return email.utils.parseaddr(sender())[1]


def render(template, language, context):
    """(subject, text, html) from templates/emails/<template>.{subject.txt,txt,html}.

    The HTML's <title> is the subject, and its stylesheet is inlined: Gmail and Outlook
    drop or ignore much of a <style> block."""
    with translation.override(language):
        context = {"language": language, "base_url": settings.XARXA_BASE_URL, **context}
        # A subject is one line whatever the template's whitespace.
        subject = " ".join(render_to_string(f"emails/{template}.subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", {**context, "subject": subject})
    return subject, text.strip() + "\n", _INLINER.inline(html)


def queue(template, *, to, language, context, attachments=(), reference=""):
    subject, text, html = render(template, language, context)
    return queue_rendered(
        to=to,
        language=language,
        subject=subject,
        text=text,
        html=html,
        attachments=attachments,
        reference=reference,
        template=template,
    )


def queue_rendered(*, to, language, subject, text, html, template, attachments=(), reference=""):
    """For a message rendered elsewhere (a newsletter issue's test send)."""
    message = OutboxMessage.objects.create(
        to=to,
        language=language,
        subject=subject,
        text=text,
        html=html,
        attachments=list(attachments),
        reference=reference,
        template=template,
    )
    # Robust: once the transaction has committed (a booking, say), a queue that fails to
    # take the job must not turn the answer into an error that says nothing was saved.
    # The message waits, queued, for `send_queued_email`.
    transaction.on_commit(lambda: _enqueue(message.pk), robust=True)
    return message


#: How long a queued message may wait for the worker before the sweep sends it itself.
STRANDED_AFTER = datetime.timedelta(minutes=10)


def send_stranded(now=None):
    """Send the messages the worker never got (their job was lost with the queue) and
    the retries that fell due without a worker to run them. `deliver` locks each row and
    skips it once sent, so a worker sending the same message at the same moment does not
    send it twice. Returns how many were tried."""
    now = now or timezone.now()
    stranded = OutboxMessage.objects.filter(
        Q(next_attempt_at__isnull=True, created_at__lt=now - STRANDED_AFTER)
        | Q(next_attempt_at__lte=now),
        status=OutboxMessage.Status.QUEUED,
    ).values_list("pk", flat=True)
    ids = list(stranded[:1000])
    for message_id in ids:
        deliver(message_id, now=now)
    return len(ids)


def _enqueue(message_id, run_after=None):
    # core.tasks imports this module: a cycle inside core.
    from core.tasks import send_email

    if run_after is None:
        send_email.enqueue(message_id)
    elif default_task_backend.supports_defer:
        send_email.using(run_after=run_after).enqueue(message_id)
    # Otherwise the retry waits for `send_queued_email`.


def calendar_attachment(invitation, filename="invitation.ics"):
    """An outbox attachment for an `core.domain.calendar.Invitation`."""
    return {
        "filename": filename,
        "mimetype": "text/calendar",
        "method": invitation.method,
        "content": invitation.content.decode("utf-8"),
    }


def _mime_part(attachment):
    maintype, subtype = attachment["mimetype"].split("/", 1)
    part = email.mime.text.MIMEText(attachment["content"], subtype, "utf-8")
    if attachment.get("method"):
        # Mail clients offer "Add to calendar" only for text/calendar with its iMIP method.
        part.set_param("method", attachment["method"])
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part


def build(message):
    mail = EmailMultiAlternatives(
        subject=message.subject, body=message.text, from_email=sender(), to=[message.to]
    )
    if message.html:
        mail.attach_alternative(message.html, "text/html")
    for attachment in message.attachments:
        mail.attach(_mime_part(attachment))
    return mail


def deliver(message_id, now=None):
    """Send one queued message. A message already sent is not sent again; one whose
    next try is not due yet is left for then."""
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update()
            .filter(pk=message_id, status=OutboxMessage.Status.QUEUED)
            .first()
        )
        if message is None or (message.next_attempt_at and message.next_attempt_at > now):
            return
        mail = build(message)
        try:
            mail.send()
        except Exception as error:  # an ESP can fail in many ways; each is recorded
            _failed(message, error, now)
            return
        status = getattr(mail, "anymail_status", None)
        # ESPs give a string; anymail's test backend gives the outbox index.
        message.esp_message_id = str(getattr(status, "message_id", None) or "")[:200]
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.next_attempt_at = None
        forget_body(message)
        message.save(
            update_fields=["status", "sent_at", "esp_message_id", "next_attempt_at", *BODY]
        )


#: What a message said. Once it is sent (or has failed for good) the audit trail keeps who,
#: what about, which kind and when; the body held working links (manage, feed, member and
#: confirmation pages) that a database backup must not carry.
BODY = ("text", "html", "attachments")


def forget_body(message):
    message.text = message.html = ""
    message.attachments = []


def _failed(message, error, now):
    """Record a failed try, and when to try again. A refusal (429, 503, no connection)
    is tried for GIVE_UP_AFTER. An answer after which the ESP may have taken the message
    is tried once more only: a second copy of a confirmation link is better than none,
    a copy every hour of a day is not. A newsletter batch, a copy to hundreds of
    readers, retries only `surely_not_sent`."""
    message.attempts += 1
    message.error = f"{type(error).__name__}: {error}"[:2000]
    uncertain = may_have_been_sent(error)
    message.uncertain_attempts += uncertain
    retry = surely_not_sent(error) or (uncertain and message.uncertain_attempts == 1)
    if retry and now - message.created_at < GIVE_UP_AFTER:
        wait = min(FIRST_RETRY * 2 ** min(message.attempts - 1, 7), LONGEST_WAIT)
        # From the real clock too: a long sweep's `now` may be an hour behind.
        message.next_attempt_at = retry_at = max(now, timezone.now()) + wait
        transaction.on_commit(lambda: _enqueue(message.pk, retry_at), robust=True)
        log.warning("email %s not sent, tried again in %s: %s", message.pk, wait, message.error)
    else:
        message.status = OutboxMessage.Status.FAILED
        message.next_attempt_at = None
        forget_body(message)
        log.error("email %s failed: %s", message.pk, message.error)
    message.save(
        update_fields=[
            "attempts",
            "uncertain_attempts",
            "error",
            "next_attempt_at",
            "status",
            *BODY,
        ]
    )


def merge_field(name):
    """A merge field in the ESP's syntax (XARXA_NEWSLETTER_MERGE_FIELD, `%s` the name)."""
    # Not `%` formatting: Mailgun's syntax (`%recipient.%s%`) has percent signs of its own.
    return settings.XARXA_NEWSLETTER_MERGE_FIELD.replace("%s", name)


def personalise(content, values):
    """What an ESP does with merge data: for the outbox-folder backend and the tests."""
    for name, value in values.items():
        content = content.replace(merge_field(name), value)
    return content
