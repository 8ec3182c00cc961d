from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

#: Who may send issues and see subscribers; nobody else sees readers' addresses.
SENDERS_GROUP = "Newsletter senders"
SENDER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("newsletter", "send_issue"),
    ("newsletter", "view_dispatch"),
    ("newsletter", "view_subscriber"),
    ("newsletter", "change_subscriber"),
    ("newsletter", "add_topic"),
    ("newsletter", "change_topic"),
    ("newsletter", "view_topic"),
]


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from anymail.signals import tracking

        tracking.connect(on_tracking_event, dispatch_uid="newsletter-tracking")
        # For every app: auth creates the permissions in its own post_migrate, after ours.
        post_migrate.connect(ensure_senders, dispatch_uid="newsletter-senders")


def on_tracking_event(sender, event, esp_name, **kwargs):
    from newsletter.domain.tracking import record

    record(event, esp_name)


def ensure_senders(using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.using(using).get_or_create(name=SENDERS_GROUP)
    for app_label, codename in SENDER_PERMISSIONS:
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if permission:
            group.permissions.add(permission)
