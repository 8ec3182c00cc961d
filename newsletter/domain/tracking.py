"""What ESPs report back through anymail's tracking webhooks.

Bounces, complaints and unsubscribes stop a reader at once. ESPs retry webhooks, so an
event is kept once per (ESP, event id); events without an id get one from their content.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import Count

from newsletter.domain.subscriptions import unsubscribe
from newsletter.enums import SubscriberStatus
from newsletter.models import Delivery, Subscriber, TrackingEvent

#: anymail event type → what it makes of the reader.
SUPPRESSING = {
    "bounced": SubscriberStatus.BOUNCED,
    "complained": SubscriberStatus.COMPLAINED,
    "unsubscribed": SubscriberStatus.UNSUBSCRIBED,
}
#: The counts an issue shows, in this order.
COUNTED = ("delivered", "opened", "clicked", "deferred", "bounced", "complained", "unsubscribed")


def _event_id(event):
    if event.event_id:
        return str(event.event_id)[:200]
    seed = f"{event.event_type}|{event.message_id}|{event.recipient}|{event.timestamp}"
    return "derived-" + hashlib.sha256(seed.encode()).hexdigest()


def _delivery_for(event):
    delivery_id = (event.metadata or {}).get("delivery")
    if delivery_id and str(delivery_id).isdigit():
        found = Delivery.objects.filter(pk=int(delivery_id)).select_related("subscriber").first()
        if found:
            return found
    if event.message_id and event.recipient:
        return (
            Delivery.objects.filter(
                esp_message_id=str(event.message_id), email__iexact=event.recipient
            )
            .select_related("subscriber")
            .first()
        )
    return None


#: How ESPs that report soft bounces as "bounced" mark them (Postmark, Mailgun, SES).
_SOFT = {("Type", "SoftBounce"), ("Type", "Transient"), ("severity", "temporary")}


def _soft_bounce(event):
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    if event.event_type != "bounced" or not raw:
        return False
    bounce = raw.get("bounce") if isinstance(raw.get("bounce"), dict) else {}
    return bool(_SOFT & {(k, v) for k, v in raw.items() if isinstance(v, str)}) or (
        bounce.get("bounceType") == "Transient"
    )


def record(event, esp_name):
    """Returns False for an event already recorded."""
    delivery = _delivery_for(event)
    try:
        with transaction.atomic():
            TrackingEvent.objects.create(
                esp=esp_name[:40],
                event_id=_event_id(event),
                event_type=str(event.event_type)[:20],
                delivery=delivery,
                occurred_at=event.timestamp,
            )
    except IntegrityError:
        return False
    status = SUPPRESSING.get(event.event_type)
    if status and not _soft_bounce(event):
        subscriber = delivery.subscriber if delivery else None
        if subscriber is None and event.recipient:
            subscriber = Subscriber.objects.filter(email__iexact=event.recipient).first()
        if subscriber is not None:
            unsubscribe(subscriber, form=f"{esp_name} {event.event_type} event", status=status)
    return True


def counts(dispatch):
    found = dict(
        TrackingEvent.objects.filter(delivery__dispatch=dispatch)
        .order_by()
        .values_list("event_type")
        .annotate(n=Count("delivery", distinct=True))
        .values_list("event_type", "n")
    )
    return [(event_type, found.get(event_type, 0)) for event_type in COUNTED]
