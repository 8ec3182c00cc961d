"""django-newsletter sends one message to COUNT subscribers of one newsletter, as its
cron job does (`submit_newsletter`), through anymail's test backend; prints the times
as JSON. Run by bench/newsletter_sending.py with the virtualenv bench/_peers.py makes.

    python send.py COUNT
"""

import json
import os
import sys
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "peer_settings"

import django  # noqa: E402

django.setup()

from anymail.signals import post_send  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402

# django-newsletter's app (ruff sorts it with Xarxa's own app of that name).
from newsletter.models import (  # noqa: E402
    Article,
    Message,
    Newsletter,
    Submission,
    Subscription,
)

#: An issue of a few articles, each a few paragraphs with a link: about the text of the
#: issue Xarxa's bench sends (whose HTML is larger: its styles are inlined). That bench
#: prints both sizes.
PARAGRAPH = (
    "<p>Delegates from forty cities met to compare how their participatory budgets "
    "reach the neighbourhoods that vote least, and what changed when ballots moved "
    '<a href="https://example.org/report">closer to the street</a>.</p>'
)
ARTICLES = 5
PARAGRAPHS = 3

sent = {"messages": 0, "refused": 0}


def forget(sender, message, status, esp_name, **kwargs):
    """The test backend keeps every message, and finds each one's id by searching that
    list (a cost growing with the list that no ESP has): forget it once sent, as
    Xarxa's bench does after each batch."""
    sent["messages"] += 1
    sent["refused"] += sum(s.status != "sent" for s in status.recipients.values())
    mail.outbox.clear()


def main(count):
    call_command("migrate", verbosity=0, interactive=False)
    newsletter = Newsletter.objects.create(
        title="Network news", slug="network-news", email="news@example.org", sender="Xarxa"
    )
    newsletter.site.set([1])
    Subscription.objects.bulk_create(
        Subscription(
            newsletter=newsletter,
            email_field=f"bench{n:05}@example.org",
            subscribed=True,
        )
        for n in range(count)
    )
    message = Message.objects.create(
        title="On the way to Cascais", slug="cascais", newsletter=newsletter
    )
    for n in range(ARTICLES):
        Article.objects.create(
            post=message,
            sortorder=10 * (n + 1),
            title=f"Article {n + 1}",
            text=PARAGRAPH * PARAGRAPHS,
            url="https://example.org/more",
        )
    post_send.connect(forget)

    start = time.perf_counter()
    # What the admin's "submit" button does: a submission to every subscriber, prepared.
    submission = Submission.from_message(message)
    submission.prepared = True
    submission.save()
    queued = time.perf_counter()
    call_command("submit_newsletter", verbosity=0)
    done = time.perf_counter()

    submission.refresh_from_db()
    sample = submission.get_message(Subscription.objects.first())
    json.dump(
        {
            "version": django.get_version(),
            "recipients": count,
            "sent": sent["messages"],
            "refused": sent["refused"],
            "submitted": submission.sent,
            "queue_seconds": queued - start,
            "send_seconds": done - queued,
            "seconds": done - start,
            "text_chars": len(sample.body),
            "html_chars": len(sample.alternatives[0][0]),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
