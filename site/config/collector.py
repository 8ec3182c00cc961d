"""Python's garbage collector, tuned for a web process (wsgi.py and asgi.py call `tune`
once the site is loaded).

A long programme or export holds hundreds of thousands of objects at once, and the
model instances it loads point at each other (a session and its prefetched speakers), so
they are freed only by the collector. With its defaults, served by gunicorn at 1,000
sessions, the collector took 40-60% of schedule.xml's and the programme's time: a full
collection mid-request walked everything loaded at start-up (Django, Wagtail, every
model) as well as the request's own objects, and a young collection ran every 700
allocations. bench/programme.py measures its share.
"""

import gc

#: Objects allocated between young collections (Python's default is 700): a few MB of
#: garbage at most waits for the next one, and a 1,000-session request pays about 20
#: young collections instead of 1,000.
YOUNG_THRESHOLD = 50_000


def tune():
    """Leave what is loaded by now to the process's lifetime, out of the collector's
    walks (gc.freeze), and collect young objects less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
