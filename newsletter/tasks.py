"""Background work: thin wrappers that load by id and call the domain."""

from django_tasks import task


@task()
def send_dispatch(dispatch_id):
    from newsletter.domain.sending import run

    run(dispatch_id)
