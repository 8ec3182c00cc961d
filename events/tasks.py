"""Background work: thin wrappers that load by id and call the domain."""

from django_tasks import task

from events.domain.calendar_import import import_subscription
from events.domain.registration_upkeep import after_session_change
from events.models import CalendarSubscription, SessionPage


@task()
def import_calendar(subscription_id):
    subscription = CalendarSubscription.objects.filter(pk=subscription_id, active=True).first()
    if subscription is not None:
        import_subscription(subscription)


@task()
def session_changed(session_id):
    session = SessionPage.objects.filter(pk=session_id).first()
    if session is not None:
        after_session_change(session)
