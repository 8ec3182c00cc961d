from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django's app loading: models and tasks are imported once the registry is ready.
        from wagtail.signals import page_published

        page_published.connect(tell_delegates_of_changes, dispatch_uid="session-changes")


def tell_delegates_of_changes(sender, instance, **kwargs):
    """Queued after commit: the worker writes the emails, not the editor's request."""
    # Django's app loading: models and tasks are imported once the registry is ready.
    from django.db import transaction
    from wagtail.models import Locale

    # Django's app loading: models and tasks are imported once the registry is ready.
    from events.models import SessionPage
    from events.tasks import session_changed

    if isinstance(instance, SessionPage) and instance.locale_id == Locale.get_default().pk:
        transaction.on_commit(lambda: session_changed.enqueue(instance.pk))
