"""NUL characters never reach a view through the URL.

No filter or search has a use for one, SQLite fails on it and PostgreSQL refuses to
store it, so a stray %00 in a search or a filter was a server error. In the query
string it is dropped; in the path, which names a page, the request is refused. Forms
need nothing here: Django's text fields already answer a NUL with a message.
"""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.template import loader
from django.utils.translation import gettext as _
from wagtail.views import serve

from core import views
from core.domain import page_cache, route_cache

logger = logging.getLogger(__name__)


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
        pairs = list(request.GET.lists())
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in pairs):
            cleaned = QueryDict(mutable=True)
            for key, values in pairs:
                cleaned.setlistdefault(key.replace("\x00", ""), []).extend(
                    value.replace("\x00", "") for value in values
                )
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class DatabaseUnavailable:
    """When the database goes away mid-request (a restart, a failover), the visitor gets
    a 503 that says nothing was saved and to send it again, not a server error.

    The view's transaction has rolled back by then, so "nothing was saved" is true; the
    broken connection is dropped so the next request opens a fresh one."""

    RETRY_AFTER = "30"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if all(
            c.connection is not None and c.is_usable()
            for c in connections.all(initialized_only=True)
        ):
            return None  # the database still answers: a query's own error, a real 500
        # The visitor is told to retry; the operator needs the cause (an outage, a
        # deadlock, a statement timeout, a missing migration).
        logger.warning("database unavailable: %s", request.path, exc_info=exception)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = self.RETRY_AFTER
        response["Cache-Control"] = "no-store"
        return response


class PageCache:
    """Serves anonymous readers a stored copy of a public page (core.domain.page_cache).

    It sits before the session, locale and CSRF middleware: a copy costs no query, so
    readers keep their pages while the database restarts, and the copy carries the
    headers those added when it was rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.may_serve_from_cache(request):
            return self.get_response(request)
        cached, key = page_cache.lookup(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if key is not None and page_cache.may_store(request, response):
            page_cache.store(key, response)
        return response


class RouteCache:
    """Wagtail's routing from the cache where the page cache is on
    (core.domain.route_cache): a POST to a page's route, which no page copy can answer,
    then costs one query to find its page instead of a walk down the tree."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        route_cache.remember(request)
        return response

    def process_view(self, request, view, args, kwargs):
        if view is serve:
            route_cache.prepare(request, kwargs.get("path", args[0] if args else ""))
        elif view is views.page_file:
            route_cache.prepare(request, f"{args[0]}{args[1]}/")
