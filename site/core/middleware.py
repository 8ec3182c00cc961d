"""Requests carrying a NUL character are refused at the door.

No form or filter has a use for one, SQLite fails on it, and PostgreSQL refuses to
store it, so without this a stray %00 in a search or a filter is a server error.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def _has_nul(query_dict):
    return any(
        "\x00" in value for values in query_dict.lists() for value in (values[0], *values[1])
    )


class RefuseNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        post = request.POST if request.method == "POST" else None
        if "\x00" in request.path or _has_nul(request.GET) or (post is not None and _has_nul(post)):
            return HttpResponseBadRequest(
                _(
                    "The request contains a character that is not allowed (NUL). "
                    "Remove it and try again."
                ),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
