"""Background work: thin wrappers that load by id and call the domain."""

from django_tasks import task


@task()
def send_email(message_id):
    from core.mail import deliver

    deliver(message_id)
