"""Background work: thin wrappers that load by id and call the domain."""

from django_tasks import task

from workgroups.domain.notices import send_one


@task()
def send_meeting_notice(meeting_id):
    send_one(meeting_id)
