"""Background work: thin wrappers that load by id and call the domain."""

from django_tasks import task

from newsletter.domain.sending import run


@task()
def send_dispatch(dispatch_id):
    run(dispatch_id)
