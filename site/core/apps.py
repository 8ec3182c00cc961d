from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django's app loading: models and tasks are imported once the registry is ready.
        from wagtail.models import Revision
        from wagtail.signals import page_published

        # Django's app loading: models and tasks are imported once the registry is ready.
        from core import admin_login  # noqa: F401  (connects the failed sign-in counter)

        page_published.connect(follow_translations, dispatch_uid="follow-translations")
        self.connect_page_cache()
        page_published.connect(schedule_expiry, dispatch_uid="schedule-expiry")
        post_save.connect(schedule_go_live, sender=Revision, dispatch_uid="schedule-go-live")
        post_save.connect(grant_translators_their_locale, dispatch_uid="translator-permissions")

    def connect_page_cache(self):
        # Django's app loading: models and tasks are imported once the registry is ready.
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        # Django's app loading: models and tasks are imported once the registry is ready.
        from core.domain import page_cache

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache.content_changed, dispatch_uid="page-cache")
        for signal in (page_published, page_unpublished):
            signal.connect(page_cache.purge_listings, dispatch_uid="cdn-listings")
        post_page_move.connect(page_cache.purge_after_move, dispatch_uid="cdn-move")
        post_save.connect(page_cache.row_saved, dispatch_uid="page-cache-saved")
        post_delete.connect(page_cache.row_deleted, dispatch_uid="page-cache-deleted")


def follow_translations(sender, instance, **kwargs):
    """After commit, in the worker: the moderator's request does not wait for four
    languages to be brought in step (core.domain.translations)."""
    # Django's app loading: models and tasks are imported once the registry is ready.
    from django.db import transaction

    # Django's app loading: models and tasks are imported once the registry is ready.
    from core.domain import translations
    from core.tasks import follow_source, keep_translation_in_step

    if not translations.following():
        return
    task = follow_source if translations.is_source(instance) else keep_translation_in_step
    transaction.on_commit(lambda: task.enqueue(instance.pk))


def grant_translators_their_locale(sender, instance, created, raw=False, **kwargs):
    # Django's app loading: models and tasks are imported once the registry is ready.
    from wagtail.models import Page

    # Django's app loading: models and tasks are imported once the registry is ready.
    from core.roles import grant_translators

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_translators(instance)


def _publish_scheduled_at(moment):
    # Django's app loading: models and tasks are imported once the registry is ready.
    from django.db import transaction
    from django_tasks import default_task_backend

    # Django's app loading: models and tasks are imported once the registry is ready.
    from core.tasks import publish_scheduled

    # Without deferral (the tests' immediate backend), cron's `publish_scheduled` does it.
    if default_task_backend.supports_defer:
        transaction.on_commit(lambda: publish_scheduled.using(run_after=moment).enqueue())


def schedule_go_live(sender, instance, raw=False, **kwargs):
    """An approved revision with a "go live at" in the future waits for the worker."""
    if not raw and instance.approved_go_live_at is not None:
        _publish_scheduled_at(instance.approved_go_live_at)


def schedule_expiry(sender, instance, **kwargs):
    if instance.expire_at is not None:
        _publish_scheduled_at(instance.expire_at)
