"""Responses that every app's token pages share."""


def private(response):
    """A page reached with a personal link: never cached, indexed or sent on as a Referer."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not no-referrer: browsers then send "Origin: null" and CSRF refuses the form.
    response["Referrer-Policy"] = "same-origin"
    return response
