"""The one-tap ways to subscribe to a calendar feed, for pages and emails alike.

Calendar apps poll a subscribed address and show what changed, so a delegate or member
subscribes once. Each service wants the address its own way: Apple's apps (and
Thunderbird) open `webcal://`, Google takes the webcal address as `cid`, Outlook.com
the https one as `url` with a name for the calendar.
"""

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class CalendarLinks:
    #: The feed's own https address: to copy, or to download once.
    address: str
    apple: str
    google: str
    outlook: str


def calendar_links(feed_url, name):
    """The links for the feed at the absolute `feed_url`, a calendar called `name`."""
    webcal = "webcal://" + feed_url.split("://", 1)[-1]
    return CalendarLinks(
        address=feed_url,
        apple=webcal,
        google="https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal}),
        outlook="https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": feed_url, "name": name}),
    )
