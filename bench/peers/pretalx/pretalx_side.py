"""pretalx's side of the peer benchmark, run with pretalx's own Python (3.13, its own
virtualenv) and bench_pretalx_settings:

- `setup SHAPE.json` builds the event from the shape Xarxa's conference was given
  (rooms, speakers, sessions with their times), confirms every submission, places its
  slot and releases schedule version v1, as an organiser would.
- `agent` then stays up for bench.py: each stdin line is a JSON command, each answer
  one JSON line: {"edit": n} re-saves a session (a new title, as an organiser's edit),
  {"count": [[label, path, If-None-Match or null], ...]} counts each request's
  queries once through Django's test client.
"""

import datetime as dt
import json
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scope, scopes_disabled  # noqa: E402
from pretalx.event.domain.event import create_event  # noqa: E402
from pretalx.event.domain.organiser import create_organiser_with_team  # noqa: E402
from pretalx.event.models import Event  # noqa: E402
from pretalx.person.domain.user import create_user  # noqa: E402
from pretalx.person.models import SpeakerProfile  # noqa: E402
from pretalx.schedule.domain.release import freeze_schedule  # noqa: E402
from pretalx.schedule.domain.slot import move_slot  # noqa: E402
from pretalx.schedule.models import Room  # noqa: E402
from pretalx.submission.models import Submission, SubmissionType, Track  # noqa: E402

#: pretalx answers only on the host of its configured site URL (PRETALX_SITE_URL).
HOST = "localhost"


def setup(shape):
    with scopes_disabled():
        organiser, _team = create_organiser_with_team(name="Bench", slug="bench", users=[])
        event = create_event(
            organiser=organiser,
            locales=["en"],
            name=shape["title"],
            slug=shape["slug"],
            is_public=True,
            date_from=dt.date.fromisoformat(shape["date_from"]),
            date_to=dt.date.fromisoformat(shape["date_to"]),
            timezone=shape["time_zone"],
            email="bench@example.org",
            locale="en",
        )
    with scope(event=event):
        session_type = SubmissionType.objects.create(
            event=event, name="Session", default_duration=45
        )
        rooms = {
            name: Room.objects.create(event=event, name=name, position=position)
            for position, name in enumerate(shape["rooms"])
        }
        tracks = {name: Track.objects.create(event=event, name=name) for name in shape["tracks"]}
        speakers = {}
        for number, name in enumerate(shape["speakers"]):
            user = create_user(email=f"speaker{number}@bench.example.org", name=name)
            speakers[name] = SpeakerProfile.objects.create(
                user=user, event=event, biography="A speaker of the benchmark programme."
            )
        for session in shape["sessions"]:
            submission = Submission.objects.create(
                event=event,
                title=session["title"],
                submission_type=session_type,
                track=tracks[session["track"]],
                abstract=session["abstract"],
                content_locale="en",
            )
            for name in session["speakers"]:
                submission.speakers.add(speakers[name])
            # The state changes an organiser makes: accepting creates the slot in the
            # work-in-progress schedule, confirming makes it visible on release.
            submission.accept()
            submission.confirm()
            move_slot(
                submission.slots.get(),
                dt.datetime.fromisoformat(session["start"]),
                room=rooms[session["room"]],
                end=dt.datetime.fromisoformat(session["end"]),
            )
        freeze_schedule(event.wip_schedule, "v1", notify_speakers=False)
        slots = event.current_schedule.talks.filter(is_visible=True).count()
        # One session's page for bench.py, and the one it edits.
        first = event.submissions.order_by("pk").first()
        print(json.dumps({"slots": slots, "session": first.code}))


def agent():
    with scopes_disabled():
        event = Event.objects.get()
    client = Client(HTTP_HOST=HOST)
    edits = 0
    for line in sys.stdin:
        command = json.loads(line)
        if "edit" in command:
            with scope(event=event):
                submission = event.submissions.order_by("pk")[command["edit"]]
                edits += 1
                submission.title = f"{submission.title.split(' (')[0]} (edit {edits})"
                submission.save()
            answer = {"edited": submission.title}
        else:
            answer = {}
            for label, path, etag in command["count"]:
                headers = {"Accept": "text/html"}
                if etag:
                    headers["If-None-Match"] = etag
                with CaptureQueriesContext(connection) as captured:
                    status = client.get(path, headers=headers).status_code
                answer[label] = [status, len(captured)]
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        with open(sys.argv[2], encoding="utf-8") as shape_file:
            setup(json.load(shape_file))
    else:
        agent()
