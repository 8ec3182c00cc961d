"""One issue to 10,000 readers in five languages through anymail's test backend, against a
bare loop sending the same messages pre-rendered, with renders counted and peak memory
compared between 1,000 and 10,000 readers, in one run."""

import gc
import statistics
import time
import tracemalloc

from _setup import django_with_demo, print_table, record

LANGUAGES = ("en", "ca", "es", "fr", "pt")
SMALL, LARGE = 1_000, 10_000


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


def bare_loop(issue, dispatch):
    """The floor: the same messages, already rendered and personalised, sent one by one."""
    from django.core import mail
    from django.core.mail import EmailMultiAlternatives, get_connection

    from newsletter.domain import rendering, sending
    from newsletter.models import Delivery, NewsletterIssuePage

    pages = {
        page.locale.language_code: rendering.render(page)
        for page in NewsletterIssuePage.objects.live().filter(translation_key=issue.translation_key)
    }
    messages = []
    for row in Delivery.objects.filter(dispatch=dispatch).select_related("subscriber"):
        rendered = pages[row.language]
        links = sending.links_for(row.subscriber_id, row.subscriber.key, row.language)
        message = EmailMultiAlternatives(
            rendered.subject,
            rendering.personalise(rendered.text, links),
            "news@example.org",
            [row.email],
            headers={"List-Unsubscribe": f"<{links['unsubscribe_url']}>"},
        )
        message.attach_alternative(rendering.personalise(rendered.html, links), "text/html")
        messages.append(message)
    mail.outbox.clear()
    start = time.perf_counter()
    with get_connection() as connection:
        for message in messages:
            connection.send_messages([message])
    elapsed = time.perf_counter() - start
    mail.outbox.clear()
    return elapsed, len(messages)


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
    total, _peak, dispatch = send(issue)
    renders = rendering.stats["renders"] - renders
    floor, count = bare_loop(issue, dispatch)
    assert count == LARGE
    print(
        f"\nNewsletter: one issue to {LARGE:,} readers in {len(LANGUAGES)} languages, "
        f"batches of {settings.XARXA_NEWSLETTER_BATCH}"
    )
    print(f"total send time: {total:.2f} s ({LARGE / total:,.0f} recipients/s)")
    print(f"template renders: {renders} (target: {len(LANGUAGES)}, one per language)")
    print_table(
        "Per recipient (same run)",
        [
            ("send, per recipient vs bare send loop", total / LARGE, floor / LARGE, "at most 1.5"),
        ],
    )
    print(
        f"peak memory: {small_peak / 1e6:.1f} MB at {SMALL:,}, {large_peak / 1e6:.1f} MB at "
        f"{LARGE:,}; ratio {large_peak / small_peak:.2f} (target at most 1.3)"
    )
    record(
        "newsletter",
        [
            (
                "send per recipient vs bare send loop",
                total / LARGE,
                floor / LARGE,
                "at most 1.5",
                "s",
            ),
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
