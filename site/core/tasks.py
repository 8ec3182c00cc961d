"""Background work: thin wrappers that load by id and call the domain."""

from django.core.management import call_command
from django_tasks import task
from wagtail.models import Page

from core.domain.translations import source_published, translation_published
from core.mail import deliver


@task()
def send_email(message_id):
    deliver(message_id)


@task()
def follow_source(page_id):
    """A source page went live: refresh its segments and bring every locale in step."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is not None:
        source_published(page)


@task()
def keep_translation_in_step(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        translation_published(page)


@task()
def publish_scheduled():
    """Publish what is due and unpublish what expired: Wagtail's own command, run by the
    worker at the moment a page is scheduled for (cron runs it too, as a safety net)."""
    call_command("publish_scheduled")
