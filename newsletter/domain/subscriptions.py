"""Subscribing (double opt-in), preferences, unsubscribing, and a reader's data.

The reply to a subscription is the same whether or not the address was known: what
differs is only the email that address receives, which only its owner reads.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale

from core import mail
from core.models import OutboxMessage
from newsletter.domain import links
from newsletter.enums import SubscriberSource, SubscriberStatus
from newsletter.models import Subscriber, Topic

#: Bumped whenever CONSENT_TEXT changes, so each consent row says which words were agreed to.
CONSENT_VERSION = "2026-1"

#: Statuses after which a reader gets nothing until they subscribe again.
STOPPED = {
    SubscriberStatus.UNSUBSCRIBED,
    SubscriberStatus.BOUNCED,
    SubscriberStatus.COMPLAINED,
}


def consent_text():
    return _(
        "I want to receive the network's newsletter by email on the topics I chose. "
        "I can unsubscribe at any time with the link in every issue."
    )


def default_topics(topics):
    """The default-locale rows for topics chosen in any language."""
    keys = [topic.translation_key for topic in topics]
    return list(Topic.objects.filter(translation_key__in=keys, locale=Locale.get_default()))


def _consent(subscriber, action, *, form, ip, privacy_version="", wording=None):
    with override(subscriber.language):
        text = str(wording or consent_text()) if action != "unsubscribed" else ""
    subscriber.consents.create(
        action=action,
        form=form,
        version=CONSENT_VERSION,
        text=text,
        privacy_version=privacy_version,
        language=subscriber.language,
        ip_address=ip,
    )


def subscribe(
    email, language, topics, *, ip=None, form="subscribe form", privacy_version="", wording=None
):
    """Record the request and send the one email that fits. Returns nothing on purpose."""
    email = email.strip().lower()
    topics = default_topics(topics)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber and subscriber.status == SubscriberStatus.CONFIRMED:
            # Someone may be typing another person's address: change nothing, tell the owner.
            _send(subscriber, "already_subscribed")
            return
        if subscriber and subscriber.status == SubscriberStatus.COMPLAINED:
            # They reported us as spam: no form fill by anyone earns them another email.
            return
        if subscriber is None:
            subscriber = Subscriber(email=email, key=links.new_key(), source=SubscriberSource.FORM)
        subscriber.language = language
        subscriber.status = SubscriberStatus.PENDING
        subscriber.status_changed_at = timezone.now()
        try:
            with transaction.atomic():
                subscriber.save()
        except IntegrityError:
            return  # the same address, subscribing in another request at this instant

        subscriber.topics.set(topics)
        _consent(
            subscriber,
            "subscribed",
            form=form,
            ip=ip,
            privacy_version=privacy_version,
            wording=wording,
        )
        _send(subscriber, "confirm", confirm_url=confirm_url(subscriber))


def subscribe_delegate(registration, wording):
    """A delegate who ticked the newsletter box: the conference's topic (or every topic),
    still double opt-in, as the registration form promised."""
    topics = Topic.objects.filter(locale=Locale.get_default())
    conference_topics = topics.filter(
        section__translation_key=registration.conference.translation_key
    )
    subscribe(
        registration.email,
        registration.language,
        list(conference_topics) or list(topics),
        ip=registration.consent_ip,
        form="conference registration form",
        privacy_version=registration.privacy_version,
        wording=wording,
    )


def confirm(subscriber, *, ip=None):
    """Returns True the first time; a second click changes nothing."""
    with transaction.atomic():
        subscriber = type(subscriber).objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != SubscriberStatus.PENDING:
            return False
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = subscriber.status_changed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at", "status_changed_at"])
        # The notice they confirm under is the one they were shown when they signed up.
        signed_up = subscriber.consents.filter(action="subscribed").order_by("-pk").first()
        _consent(
            subscriber,
            "confirmed",
            form="confirmation link",
            ip=ip,
            privacy_version=signed_up.privacy_version if signed_up else "",
        )
        _send(subscriber, "welcome")
    return True


def change(subscriber, *, language, topics, ip=None, privacy_version=""):
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.topics.set(default_topics(topics))
    _consent(
        subscriber, "changed", form="preference centre", ip=ip, privacy_version=privacy_version
    )


def unsubscribe(subscriber, *, ip=None, form="unsubscribe link", status=None):
    """Safe to repeat: the second time, nothing changes and nothing is recorded."""
    status = status or SubscriberStatus.UNSUBSCRIBED
    with transaction.atomic():
        changed = (
            type(subscriber)
            .objects.filter(pk=subscriber.pk)
            .exclude(status__in=STOPPED)
            .update(status=status, status_changed_at=timezone.now())
        )
        if changed:
            subscriber.status = status
            _consent(subscriber, "unsubscribed", form=form, ip=ip)
    return bool(changed)


def export(subscriber):
    """Everything we hold about a reader, as JSON-ready data."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "source": subscriber.source,
        "subscribed": subscriber.created_at.isoformat(),
        "confirmed": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "topics": [topic.name for topic in subscriber.topics.all()],
        "consents": [
            {
                "action": consent.action,
                "form": consent.form,
                "text_version": consent.version,
                "text": consent.text,
                "privacy_notice_version": consent.privacy_version,
                "language": consent.language,
                "time": consent.given_at.isoformat(),
                "ip_address": consent.ip_address,
            }
            for consent in subscriber.consents.all()
        ],
        "issues_received": [
            {
                "issue": delivery.dispatch.issue.title,
                "status": delivery.status,
                "sent": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("dispatch__issue")
        ],
    }


def erase(subscriber):
    """Forget the reader. Sent counts stay right: their deliveries lose the address."""
    with transaction.atomic():
        # ESP errors may quote the address.
        subscriber.deliveries.update(email="", esp_message_id="", error="")
        OutboxMessage.objects.filter(reference=reference(subscriber)).delete()
        subscriber.delete()


def reference(subscriber):
    return f"subscriber:{subscriber.pk}"


def confirm_url(subscriber):
    return _url(subscriber.language, f"confirm/{links.confirmation_token(subscriber)}/")


def preferences_url(subscriber):
    return _url(subscriber.language, f"preferences/{links.subscriber_token(subscriber)}/")


def unsubscribe_url(subscriber):
    return _url(subscriber.language, f"unsubscribe/{links.subscriber_token(subscriber)}/")


def _url(language, route):
    return f"{settings.XARXA_BASE_URL}/{language}/newsletter/{route}"


def _send(subscriber, template, **context):
    mail.queue(
        f"newsletter/{template}",
        to=subscriber.email,
        language=subscriber.language,
        context={
            "subscriber": subscriber,
            "preferences_url": preferences_url(subscriber),
            **context,
        },
        reference=reference(subscriber),
    )
