"""ESP webhooks: bounces, complaints and unsubscribes stop a reader, once per event."""

import base64
import json

import pytest

from newsletter.domain import scheduling, sending
from newsletter.domain.tracking import counts
from newsletter.models import Delivery, TrackingEvent

pytestmark = pytest.mark.django_db

URL = "/anymail/postmark/tracking/"
AUTH = "Basic " + base64.b64encode(b"xarxa:test-webhook-secret").decode()


@pytest.fixture
def delivery(draft_issue):
    draft_issue.save_revision().publish()
    dispatch = scheduling.schedule(draft_issue, fallback=True)
    sending.run(dispatch.pk)
    return (
        Delivery.objects.filter(dispatch=dispatch, status="sent")
        .select_related("subscriber")
        .first()
    )


def post(client, event, auth=AUTH):
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    return client.post(URL, json.dumps(event), content_type="application/json", **headers)


def bounce(delivery, kind="HardBounce", event_id=4323372036854775807):
    return {
        "RecordType": "Bounce",
        "ID": event_id,
        "Type": kind,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": delivery.email,
        "BouncedAt": "2026-12-01T10:00:00Z",
        "Metadata": {"delivery": str(delivery.pk)},
        "Description": "The server was unable to deliver your message",
    }


def test_webhooks_need_the_shared_secret(client, delivery):
    assert post(client, bounce(delivery), auth=None).status_code == 400
    wrong = "Basic " + base64.b64encode(b"xarxa:guess").decode()
    assert post(client, bounce(delivery), auth=wrong).status_code == 400
    assert not TrackingEvent.objects.exists()
    delivery.subscriber.refresh_from_db()
    assert delivery.subscriber.status == "confirmed"


def test_a_hard_bounce_suppresses_the_reader_once(client, delivery):
    assert post(client, bounce(delivery)).status_code == 200
    assert post(client, bounce(delivery)).status_code == 200  # the ESP retried
    assert TrackingEvent.objects.filter(event_type="bounced").count() == 1
    reader = delivery.subscriber
    reader.refresh_from_db()
    assert reader.status == "bounced"
    assert reader.consents.filter(action="unsubscribed").count() == 1
    assert dict(counts(delivery.dispatch))["bounced"] == 1


def test_a_soft_bounce_does_not(client, delivery):
    post(client, bounce(delivery, kind="SoftBounce", event_id=11))
    delivery.subscriber.refresh_from_db()
    assert delivery.subscriber.status == "confirmed"


def test_a_complaint_and_an_unsubscribe_suppress(client, delivery, draft_issue):
    other = (
        Delivery.objects.filter(dispatch=delivery.dispatch, status="sent")
        .exclude(pk=delivery.pk)
        .first()
    )
    complaint = {
        "RecordType": "SpamComplaint",
        "ID": 42,
        "Type": "SpamComplaint",
        "MessageID": "a",
        "Email": delivery.email,
        "BouncedAt": "2026-12-01T10:00:00Z",
        "Metadata": {"delivery": str(delivery.pk)},
    }
    change = {
        "RecordType": "SubscriptionChange",
        "MessageID": "b",
        "Recipient": other.email,
        "ChangedAt": "2026-12-01T11:00:00Z",
        "SuppressSending": True,
        "SuppressionReason": "ManualSuppression",
        "Metadata": {"delivery": str(other.pk)},
    }
    assert post(client, complaint).status_code == 200
    assert post(client, change).status_code == 200
    assert post(client, change).status_code == 200  # no event id: one is derived from it
    delivery.subscriber.refresh_from_db()
    other.subscriber.refresh_from_db()
    assert delivery.subscriber.status == "complained"
    assert other.subscriber.status == "unsubscribed"
    assert TrackingEvent.objects.count() == 2
