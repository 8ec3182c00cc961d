"""What an issue gathers from the rest of the site: the archive of sent issues, the pages
published since the last one, and the events coming up."""

import datetime
import uuid

from django.utils import timezone

from core import extensions
from newsletter.enums import DispatchStatus
from newsletter.models import Dispatch, NewsletterIssuePage

#: At most this many news items, sessions and meetings each go into "published since".
PER_KIND = 5


def sent_issues(index):
    sent_keys = Dispatch.objects.filter(
        status__in=[DispatchStatus.SENDING, DispatchStatus.SENT]
    ).values("issue__translation_key")
    return (
        NewsletterIssuePage.objects.live()
        .public()
        .child_of(index)
        .filter(translation_key__in=sent_keys)
        .order_by("-first_published_at")
    )


def unsent_issues():
    """Issues published to be sent but not sent yet: not for search or the API either."""
    sent_keys = Dispatch.objects.filter(
        status__in=[DispatchStatus.SENDING, DispatchStatus.SENT]
    ).values("issue__translation_key")
    return NewsletterIssuePage.objects.exclude(translation_key__in=sent_keys)


def is_sent(issue):
    return Dispatch.objects.filter(
        issue__translation_key=issue.translation_key,
        status__in=[DispatchStatus.SENDING, DispatchStatus.SENT],
    ).exists()


def last_sent_at(exclude_key=None):
    dispatches = Dispatch.objects.exclude(started_at=None)
    if exclude_key:
        dispatches = dispatches.exclude(issue__translation_key=exclude_key)
    last = dispatches.order_by("-started_at").first()
    return last.started_at if last else None


def topic_sections(issue):
    """The pages, in the issue's locale, under which its topics' content is published."""
    sections = []
    # A page being created has its topics in memory only (modelcluster), which is enough.
    for topic in issue.topics.all():
        if topic.section_id:
            section = topic.section.get_translation_or_none(issue.locale) or topic.section
            sections.append(section)
    return sections


def published_since(issue, since=None):
    """News, then sessions, then meetings published since the last issue went out, on its
    topics: a few of each, newest first, so one busy section does not crowd out the rest."""
    since = since or last_sent_at(exclude_key=issue.translation_key)
    sections = topic_sections(issue)
    found = []
    for model in extensions.newsworthy_models():
        pages = model.objects.live().public().filter(locale_id=issue.locale_id)
        if since:
            pages = pages.filter(first_published_at__gt=since)
        if sections:
            matches = model.objects.none()
            for section in sections:
                matches = matches | pages.descendant_of(section)
            pages = matches
        found += pages.order_by("-first_published_at", "-pk")[:PER_KIND]
    return found


def summary_of(page):
    return getattr(page, "intro", "") or getattr(page, "abstract", "") or page.search_description


def fill_published_since(issue):
    """Give every empty "published since" block the pages found for it."""
    blocks = [block for block in issue.body if block.block_type == "published_since"]
    if not any(not block.value["items"] for block in blocks):
        return
    if issue.pk and Dispatch.objects.filter(issue__translation_key=issue.translation_key).exists():
        return
    found = [{"page": page, "summary": summary_of(page)} for page in published_since(issue)]
    stream = issue.body
    for index, block in enumerate(stream):
        if block.block_type == "published_since" and not block.value["items"]:
            raw = stream.raw_data[index]
            raw["value"]["items"] = [
                {
                    "type": "item",
                    "value": {"page": item["page"].pk, "summary": item["summary"]},
                    "id": str(uuid.uuid4()),
                }
                for item in found
            ]
    issue.body = stream.raw_data


def upcoming_events(locale, weeks, today=None):
    """Conferences, events and public meetings starting in the next `weeks` weeks."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(weeks=weeks)
    return [item for item in extensions.upcoming(locale) if item.start_date <= until]
