from .delivery import Delivery, Dispatch, TrackingEvent
from .pages import NewsletterIndexPage, NewsletterIssuePage
from .subscribers import Consent, Subscriber
from .topics import Topic

__all__ = [
    "Consent",
    "Delivery",
    "Dispatch",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "Subscriber",
    "Topic",
    "TrackingEvent",
]
