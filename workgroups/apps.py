from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Working groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django's app loading: models and tasks are imported once the registry is ready.
        from wagtail.signals import page_published

        page_published.connect(schedule_meeting_notice, dispatch_uid="meeting-notices")
        page_published.connect(ensure_coordinators, dispatch_uid="workgroup-coordinators")


def schedule_meeting_notice(sender, instance, **kwargs):
    """Members hear of a meeting once the burst of edits is over (domain.notices)."""
    # Django's app loading: models and tasks are imported once the registry is ready.
    from django.db import transaction
    from django_tasks import default_task_backend
    from wagtail.models import Locale

    # Django's app loading: models and tasks are imported once the registry is ready.
    from workgroups.domain.notices import meeting_published
    from workgroups.models import MeetingPage
    from workgroups.tasks import send_meeting_notice

    if not isinstance(instance, MeetingPage) or instance.locale_id != Locale.get_default().pk:
        return
    due = meeting_published(instance)
    if due is None:
        return
    if default_task_backend.supports_defer:
        transaction.on_commit(lambda: send_meeting_notice.using(run_after=due).enqueue(instance.pk))
    # Without deferral (tests), `manage.py send_meeting_notices` sends what is due.


def ensure_coordinators(sender, instance, **kwargs):
    # Django's app loading: models and tasks are imported once the registry is ready.
    from wagtail.models import Locale

    # Django's app loading: models and tasks are imported once the registry is ready.
    from workgroups.domain.groups import ensure_coordinator_group
    from workgroups.models import WorkingGroupPage

    if isinstance(instance, WorkingGroupPage) and instance.locale_id == Locale.get_default().pk:
        ensure_coordinator_group(instance)
