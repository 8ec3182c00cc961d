from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # For every app, not only this one: the permissions it needs are created by
        # django.contrib.auth's own post_migrate handler, app by app, after ours.
        post_migrate.connect(ensure_registration_managers, dispatch_uid="registration-managers")

        from wagtail.signals import page_published

        page_published.connect(tell_delegates_of_changes, dispatch_uid="session-changes")


def tell_delegates_of_changes(sender, instance, **kwargs):
    """Queued after commit: the worker writes the emails, not the editor's request."""
    from django.db import transaction
    from wagtail.models import Locale

    from events.models import SessionPage
    from events.tasks import session_changed

    if isinstance(instance, SessionPage) and instance.locale_id == Locale.get_default().pk:
        transaction.on_commit(lambda: session_changed.enqueue(instance.pk))


#: What the "Registration managers" group may do: see and change registrations and
#: bookings. No other group gets these, so other editors never see personal data.
MANAGER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("events", "registration", "view_registration"),
    ("events", "registration", "change_registration"),
    ("events", "booking", "view_booking"),
    ("events", "booking", "change_booking"),
]


def ensure_registration_managers(using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    from events.registration_admin import MANAGERS_GROUP

    group, _created = Group.objects.using(using).get_or_create(name=MANAGERS_GROUP)
    for app_label, _model, codename in MANAGER_PERMISSIONS:
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if permission:
            group.permissions.add(permission)
