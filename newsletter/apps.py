from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django's app loading: models and tasks are imported once the registry is ready.
        from anymail.signals import tracking

        tracking.connect(on_tracking_event, dispatch_uid="newsletter-tracking")


def on_tracking_event(sender, event, esp_name, **kwargs):
    # Django's app loading: models and tasks are imported once the registry is ready.
    from newsletter.domain.tracking import record

    record(event, esp_name)
