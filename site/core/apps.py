from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(follow_translations, dispatch_uid="follow-translations")
        post_save.connect(grant_translators_their_locale, dispatch_uid="translator-permissions")


def follow_translations(sender, instance, **kwargs):
    """After commit, in the worker: the moderator's request does not wait for four
    languages to be brought in step (core.domain.translations)."""
    from django.db import transaction

    from core.domain import translations
    from core.tasks import follow_source, keep_translation_in_step

    if not translations.following():
        return
    task = follow_source if translations.is_source(instance) else keep_translation_in_step
    transaction.on_commit(lambda: task.enqueue(instance.pk))


def grant_translators_their_locale(sender, instance, created, raw=False, **kwargs):
    from wagtail.models import Page

    from core.roles import grant_translators

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_translators(instance)
