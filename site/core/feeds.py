"""Feeds and exports answered with an ETag and Last-Modified made from what they are
written from (pages, and the rows of snippets they show), so that a client polling
with If-None-Match gets a 304 before anything is built. Every app's calendars and
exports use it."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Sum
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from wagtail.models import Locale

from core.domain import calendar


class Rows:
    """Rows a feed is written from that keep no date (venues, rooms, people): their
    written columns, hashed, are part of the ETag, so renaming a room changes it."""

    def __init__(self, queryset, *fields):
        self.queryset = queryset.order_by("pk").values_list("pk", *fields)

    def state(self):
        return hashlib.sha256(repr(list(self.queryset)).encode()).hexdigest()


def _state(source):
    """What the ETag is made of: for a page already loaded (the one being served) from
    the page itself, for a queryset of pages from one aggregate query."""
    if isinstance(source, Rows):
        return {"rows": source.state(), "latest": None}
    if isinstance(source, models.Model):
        sequence = getattr(source, "sequence", 0)
        return {"count": 1, "latest": source.last_published_at, "sequence": sequence}
    aggregates = {"count": Count("pk"), "latest": Max("last_published_at")}
    if hasattr(source.model, "sequence"):  # a working group has none
        aggregates["sequence"] = Sum("sequence")
    return source.aggregate(**aggregates)


def source_pages(pages):
    """The default-language pages of `pages` (a queryset): every language's feed writes
    their pk and SEQUENCE, which change before a translation is synchronised."""
    return pages.model.objects.filter(
        translation_key__in=pages.values("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    )


def translation_sources(page, *pages):
    """source_pages of each queryset in `pages`, for a feed served from `page`; none when
    `page` is in the default language, whose pages are their own sources."""
    if page.locale_id == Locale.get_default().pk:
        return []
    return [source_pages(queryset) for queryset in pages]


def calendar_response(request, sources, build, *, filename):
    """A feed with ETag and Last-Modified; a conditional GET is answered before `build`.
    `sources` are what the feed is written from: querysets of pages, the served page,
    and `Rows` of the snippets it shows."""
    cache_control = f"public, max-age={int(calendar.REFRESH.total_seconds())}"
    response = conditional_response(
        request,
        sources,
        build,
        content_type="text/calendar; charset=utf-8",
        cache_control=cache_control,
    )
    if response.status_code == 200:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def conditional_response(request, sources, build, *, content_type, cache_control=None):
    """An export with ETag and Last-Modified, answered 304 before `build` when the client
    holds the current one. `sources` are what it is written from (see calendar_response).

    Only the ETag decides a 304: Last-Modified comes from the pages alone, and a venue
    renamed since would be answered 304 to an If-Modified-Since."""
    state = [_state(source) for source in sources]
    latest = max((s["latest"] for s in state if s["latest"]), default=None)
    digest = hashlib.sha256(repr((get_language(), content_type, state)).encode()).hexdigest()
    etag = quote_etag(digest[:32])
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        if cache_control:
            not_modified["Cache-Control"] = cache_control
        return not_modified
    response = HttpResponse(build(), content_type=content_type)
    response["ETag"] = etag
    if latest:
        response["Last-Modified"] = http_date(int(latest.timestamp()))
    if cache_control:
        response["Cache-Control"] = cache_control
    return response
