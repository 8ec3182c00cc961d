"""The one way an email leaves Xarxa.

`queue()` renders a message in the recipient's language (subject, text and HTML),
records it in the outbox and hands its id to a background task once the current
transaction commits, so a rolled-back request never sends anything and no request
waits on an ESP. `deliver()` is what the task runs; it is safe to run twice.
"""

import datetime
import email.mime.text
import email.utils

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.models import OutboxMessage


def sender():
    from core.models import NetworkSettings

    site_settings = NetworkSettings.objects.filter(site__is_default_site=True).first()
    if site_settings and site_settings.default_sender_email:
        name = site_settings.default_sender_name or site_settings.short_name
        return f"{name} <{site_settings.default_sender_email}>"
    return settings.DEFAULT_FROM_EMAIL


def sender_address():
    """The bare address of the sender, for a calendar invitation's ORGANIZER."""
    return email.utils.parseaddr(sender())[1]


def render(template, language, context):
    """(subject, text, html) from templates/emails/<template>.{subject.txt,txt,html}."""
    with translation.override(language):
        context = {"language": language, "base_url": settings.XARXA_BASE_URL, **context}
        subject = render_to_string(f"emails/{template}.subject.txt", context)
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    # A subject is one line whatever the template's whitespace.
    return " ".join(subject.split()), text.strip() + "\n", html


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
    """Send the messages the worker never got (their job was lost with the queue).
    `deliver` locks each row and skips it once sent, so a worker sending the same
    message at the same moment does not send it twice. Returns how many were tried."""
    cutoff = (now or timezone.now()) - STRANDED_AFTER
    stranded = OutboxMessage.objects.filter(
        status=OutboxMessage.Status.QUEUED, created_at__lt=cutoff
    ).values_list("pk", flat=True)
    ids = list(stranded[:1000])
    for message_id in ids:
        deliver(message_id)
    return len(ids)


def _enqueue(message_id):
    from core.tasks import send_email

    send_email.enqueue(message_id)


def calendar_attachment(invitation, filename="invitation.ics"):
    """An outbox attachment for an `events.domain.calendar.Invitation`."""
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


def deliver(message_id):
    """Send one queued message. A message already sent is not sent again."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update()
            .filter(pk=message_id, status=OutboxMessage.Status.QUEUED)
            .first()
        )
        if message is None:
            return
        mail = build(message)
        try:
            mail.send()
        except Exception as error:  # an ESP can fail in many ways; each is recorded
            message.status = OutboxMessage.Status.FAILED
            message.error = f"{type(error).__name__}: {error}"
            message.save(update_fields=["status", "error"])
            return
        status = getattr(mail, "anymail_status", None)
        # ESPs give a string; anymail's test backend gives the outbox index.
        message.esp_message_id = str(getattr(status, "message_id", None) or "")[:200]
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["status", "sent_at", "esp_message_id"])
