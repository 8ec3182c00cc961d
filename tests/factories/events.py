import datetime

from events.models import SessionPage, SessionSpeaker


def add_sessions(conference, people, first, last):
    """Sessions numbered first..last-1, spread over the conference days, each with a speaker."""
    start = datetime.datetime.combine(
        conference.start_date, datetime.time(9), tzinfo=conference.zone
    )
    for n in range(first, last):
        slot = start + datetime.timedelta(minutes=15 * (n % 40), days=n // 40 % 4)
        conference.add_child(
            instance=SessionPage(
                title=f"Generated session {n}",
                slug=f"generated-{n}",
                kind="workshop" if n % 2 else "parallel",
                start=slot,
                end=slot + datetime.timedelta(minutes=15),
                abstract="Generated for a query-count test.",
                languages=["en", "fr"][: 1 + n % 2],
                track=f"Track {n % 5}",
                speakers=[SessionSpeaker(person=people[n % len(people)], role="speaker")],
            )
        )
