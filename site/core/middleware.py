"""NUL characters never reach a view through the URL.

No filter or search has a use for one, SQLite fails on it and PostgreSQL refuses to
store it, so a stray %00 in a search or a filter was a server error. In the query
string it is dropped; in the path, which names a page, the request is refused. Forms
need nothing here: Django's text fields already answer a NUL with a message.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class DropNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseBadRequest(
                _(
                    "The request contains a character that is not allowed (NUL). "
                    "Remove it and try again."
                ),
                content_type="text/plain; charset=utf-8",
            )
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in value for value in request.GET.values()
        ):
            cleaned = request.GET.copy()
            for key, values in list(cleaned.lists()):
                cleaned.setlist(key, [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
