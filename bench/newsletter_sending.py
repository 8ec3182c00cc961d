"""One issue to 10,000 readers in five languages through anymail's test backend, in one
run against: a bare loop handing the same batch messages, built beforehand, to the same
backend (the floor); and django-newsletter sending one message to 10,000 subscribers
through the same backend, in its own virtualenv and project (bench/peers/). Renders
counted, and peak memory compared between 1,000 and 10,000 readers."""

import gc
import statistics
import time
import tracemalloc

import _peers as peers
from _setup import django_with_demo, print_table, record

LANGUAGES = ("en", "ca", "es", "fr", "pt")
SMALL, LARGE = 1_000, 10_000
#: The peer: bench/peers/django-newsletter (its requirements.txt pins this version).
PEER_VERSION = "1.2.1"


def add_readers(count, start, topic):
    from newsletter.domain import links
    from newsletter.models import Subscriber

    readers = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"bench{n:05}@example.org",
            language=LANGUAGES[n % len(LANGUAGES)],
            status="confirmed",
            key=links.new_key(),
        )
        for n in range(start, start + count)
    )
    Through = Subscriber.topics.through
    Through.objects.bulk_create(Through(subscriber=r, topic=topic) for r in readers)


def published_issue():
    from wagtail.models import Locale

    from newsletter.models import NewsletterIssuePage

    issue = NewsletterIssuePage.objects.get(
        locale__language_code="en", slug="on-the-way-to-cascais"
    )
    issue.save_revision().publish()
    issue.refresh_from_db()
    for language in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=language)
        # Publishing the source made a draft in each language; publish it as it is.
        translation = issue.get_translation_or_none(locale) or issue.copy_for_translation(locale)
        translation.specific.save_revision().publish()
    return issue


def send(issue, traced=False):
    """Seconds to send the issue to every reader, and the peak memory it took (traced)."""
    from django.core import mail
    from django.utils import timezone

    from newsletter.domain import sending
    from newsletter.models import Dispatch

    Dispatch.objects.filter(issue=issue).delete()
    # Not scheduling.schedule(): its task would run at once (the test settings' immediate
    # backend), outside the timer. run() is what the worker's task calls.
    dispatch = Dispatch.objects.create(issue=issue, scheduled_for=timezone.now())
    # The test backend keeps every message; an ESP does not. Forget each batch once sent.
    forget = lambda counts: mail.outbox.clear()  # noqa: E731
    if traced:
        gc.collect()  # the last run's garbage is not this run's peak
        tracemalloc.start()
    start = time.perf_counter()
    sending.run(dispatch.pk, progress=forget)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    assert Dispatch.objects.get(pk=dispatch.pk).status == "sent"
    return elapsed, peak, dispatch


def batches(issue, dispatch):
    """The messages of a sent dispatch, rebuilt as Xarxa sends them: the issue rendered once
    per language, each reader's links as merge data (sending.message_for), in the batches
    its claims make (each language's readers in order, XARXA_NEWSLETTER_BATCH at a time)."""
    from django.conf import settings

    from core import mail as core_mail
    from newsletter.domain import rendering, sending
    from newsletter.models import Delivery, NewsletterIssuePage

    pages = {
        page.locale.language_code: rendering.render(page)
        for page in NewsletterIssuePage.objects.live().filter(translation_key=issue.translation_key)
    }
    rows = Delivery.objects.filter(dispatch=dispatch).select_related("subscriber").order_by("pk")
    by_language = {}
    for row in rows:
        by_language.setdefault(row.language, []).append(row)
    size = settings.XARXA_NEWSLETTER_BATCH
    chunks = [
        group[i : i + size] for group in by_language.values() for i in range(0, len(group), size)
    ]
    chunks.sort(key=lambda rows: rows[0].pk)  # the order of the claims, lowest row first
    sender = core_mail.sender()
    return [sending.message_for(dispatch, pages[rows[0].language], rows, sender) for rows in chunks]


def bare_loop(issue, dispatch):
    """The floor: the same batch messages, built beforehand, handed to the same backend
    through one connection, forgotten after each batch as the send's progress does.
    Seconds, and how many recipients they reached."""
    from django.core import mail
    from django.core.mail import get_connection

    messages = batches(issue, dispatch)
    mail.outbox.clear()
    start = time.perf_counter()
    with get_connection() as connection:
        for message in messages:
            connection.send_messages([message])
            mail.outbox.clear()
    elapsed = time.perf_counter() - start
    recipients = sum(len(message.anymail_status.recipients) for message in messages)
    return elapsed, recipients


def main():
    django_with_demo()
    from django.conf import settings

    from newsletter.domain import rendering
    from newsletter.models import Subscriber, Topic

    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    # Peak memory follows the batch, so both sizes fill theirs: 1,000 readers in five
    # languages are 200 per language.
    settings.XARXA_NEWSLETTER_BATCH = 200
    topic = Topic.objects.get(locale__language_code="en", name="Network news")
    issue = published_issue()
    Subscriber.objects.update(status="unsubscribed")  # only the bench's readers
    add_readers(SMALL, 0, topic)
    send(issue)  # warms imports and caches, so the first traced run measures the send only
    # The median of three traced sends at each size: one peak alone moved 1.0-1.45.
    small_peak = statistics.median(send(issue, traced=True)[1] for _ in range(3))
    add_readers(LARGE - SMALL, SMALL, topic)
    large_peak = statistics.median(send(issue, traced=True)[1] for _ in range(3))
    renders = rendering.stats["renders"]
    sends = [send(issue) for _ in range(3)]
    renders = (rendering.stats["renders"] - renders) // len(sends)
    total = statistics.median(elapsed for elapsed, _peak, _dispatch in sends)
    dispatch = sends[-1][2]
    # The floor's 50 calls take milliseconds: the median of five, each with messages
    # built anew (a sent message carries its status).
    floors = [bare_loop(issue, dispatch) for _ in range(5)]
    assert all(count == LARGE for _elapsed, count in floors)
    floor = statistics.median(elapsed for elapsed, _count in floors)
    # One send of django-newsletter: its 10,000 single sends take tens of seconds.
    peer = peers.run("django-newsletter", "send.py", LARGE)
    assert peer["sent"] == LARGE and peer["refused"] == 0 and peer["submitted"], peer
    english = rendering.render(issue)
    print(
        f"\nNewsletter: one issue to {LARGE:,} readers in {len(LANGUAGES)} languages, "
        f"batches of {settings.XARXA_NEWSLETTER_BATCH}"
    )
    print(f"send time: {total:.2f} s, median of {len(sends)} ({LARGE / total:,.0f} recipients/s)")
    print(f"template renders: {renders} (target: {len(LANGUAGES)}, one per language)")
    print(
        f"django-newsletter {PEER_VERSION} (Django {peer['version']}): {peer['seconds']:.2f} s "
        f"({peer['queue_seconds']:.2f} s to queue the submission, {peer['send_seconds']:.2f} s "
        f"for submit_newsletter); its message {peer['text_chars']:,} text and "
        f"{peer['html_chars']:,} HTML characters, Xarxa's English issue "
        f"{len(english.text):,} and {len(english.html):,}"
    )
    per_recipient = [
        ("send per recipient vs bare loop, same batches", total / LARGE, floor / LARGE,
         "at most 1.2"),
        (f"send per recipient vs django-newsletter {PEER_VERSION}", total / LARGE,
         peer["seconds"] / LARGE, "at most 0.1"),
    ]  # fmt: skip
    print_table("Per recipient (same run)", per_recipient)
    print(
        f"peak memory: {small_peak / 1e6:.1f} MB at {SMALL:,}, {large_peak / 1e6:.1f} MB at "
        f"{LARGE:,}; ratio {large_peak / small_peak:.2f} (target at most 1.3)"
    )
    record(
        "newsletter",
        [
            *((name, value, base, target, "s") for name, value, base, target in per_recipient),
            ("template renders per issue vs languages", renders, len(LANGUAGES), "1.00", "renders"),
            (
                f"peak memory {LARGE:,} vs {SMALL:,} readers",
                large_peak,
                small_peak,
                "at most 1.3",
                "bytes",
            ),
        ],
    )


if __name__ == "__main__":
    main()
