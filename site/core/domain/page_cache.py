"""The page cache: anonymous readers of public pages get a stored copy. And the CDN in
front, if there is one, is told of everything that shows a changed page.

Every web process shares it (the "pages" cache: Redis in production), so a programme of
300 sessions is rendered once per change, not once per reader. What it may hold:

- only GET requests from someone without a session: no editor, no delegate who has just
  registered (a session or messages cookie means the page may be theirs alone);
- only Wagtail pages (and their public routes: programme, speakers, and the exports:
  calendar.ics, schedule.xml, schedule.json) without view restrictions, answered 200
  in HTML or as one of those exports; a copy of an export keeps its ETag, and a
  conditional GET holding it is answered 304 from the copy;
- never a response that sets a cookie or uses a CSRF token (any form), or says
  private / no-store / no-cache (the token pages: manage, member).

Any change to what pages show (a publish, an unpublish, a move, a deletion, a snippet,
an image, a document, a site) starts a new generation after its transaction commits,
and every stored copy of the old one is ignored from then on. Anything that depends on
the clock alone (registration opening, the next meeting) is at most the time to live
old: XARXA_PAGE_CACHE_SECONDS.
"""

import functools
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import get_conditional_response
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from core import extensions
from core.models import NetworkSettings

ALIAS = "pages"
GENERATION = "xarxa:page-cache:generation"
#: The header that tells an operator (and the load bench) whether a copy was served.
HEADER = "X-Xarxa-Cache"
#: The request attribute Wagtail's before_serve_page hook sets for a public page.
PUBLIC_PAGE = "xarxa_public_page"
_UNCACHEABLE = re.compile(r"\b(private|no-store|no-cache)\b")
#: What a public page answers besides HTML: its feed and its schedule exports. Schedule
#: apps and calendars poll them, and at 1,000 sessions each build takes as long as the
#: programme's.
_EXPORT_TYPES = ("text/calendar", "application/xml", "application/json")


def seconds():
    return int(getattr(settings, "XARXA_PAGE_CACHE_SECONDS", 0) or 0)


def _cookies_allowed():
    # Neither identifies anyone: the language cookie only repeats the URL's language,
    # and the CSRF cookie is the same kind of random for every visitor.
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _language_prefixed(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first in dict(settings.LANGUAGES)


@functools.cache
def known_parameters():
    """The query parameters pages read (filters, pagination). A copy is kept only for
    these, short: `?x=<random>` must not fill the cache with copies of one page."""
    return frozenset({"page", "tag", *extensions.page_parameters()})


def _parameters_known(request):
    pairs = [(key, value) for key, values in request.GET.lists() for value in values]
    return len(pairs) <= 6 and all(
        key in known_parameters() and len(value) <= 64 for key, value in pairs
    )


def may_serve_from_cache(request):
    return (
        seconds() > 0
        and request.method == "GET"
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.COOKIES) <= _cookies_allowed()
        and _language_prefixed(request.path_info)
        and _parameters_known(request)
    )


def may_store(request, response):
    if not getattr(request, PUBLIC_PAGE, False) or response.status_code != 200:
        return False
    if response.streaming or not response.get("Content-Type", "").startswith(
        ("text/html", *_EXPORT_TYPES)
    ):
        return False
    # A form's CSRF token, a message, a session: each sets its cookie, so the page was
    # made for this visitor. (Every page says "Vary: Cookie", since the user bar looks
    # at the session; only requests without a session cookie are served a copy.)
    if response.cookies:
        return False
    return not _UNCACHEABLE.search(response.get("Cache-Control", ""))


def mark_public(page, request):
    """From Wagtail's before_serve_page: only pages anyone may read are stored."""
    setattr(request, PUBLIC_PAGE, not page.get_view_restrictions().exists())


def _generation(cache):
    generation = cache.get(GENERATION)
    if generation is None:
        # A start that no earlier generation can have had, should the key be evicted.
        cache.add(GENERATION, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION)
    return generation


def _key(request, generation):
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"xarxa:page:{generation}:{hashlib.sha256(where.encode()).hexdigest()}"


def lookup(request):
    """(response or None, key to store under, or None when the cache is unreachable)."""
    cache = caches[ALIAS]
    generation = _generation(cache)
    if generation is None:  # Redis away (its errors are ignored): render, keep nothing
        return None, None
    key = _key(request, generation)
    response = cache.get(key)
    if response is not None:
        response[HEADER] = "hit"
        if response.has_header("ETag"):
            # The copy's ETag is the one the view gave it from the same content, and the
            # copy is of the current generation: a client holding it has the current one.
            # Only the ETag decides, as in the view (core.feeds.conditional_response).
            response = get_conditional_response(request, etag=response["ETag"], response=response)
            response[HEADER] = "hit"
    return response, key


def store(key, response):
    response[HEADER] = "miss"
    caches[ALIAS].set(key, response, timeout=seconds())


def content_changed(**_signal):
    """After commit: a reader who renders between the change and the commit still sees
    the old content, and must not store it under the new generation."""
    # Robust: the change has committed; a cache that fails now must not fail the request.
    transaction.on_commit(start_new_generation, robust=True)


def start_new_generation():
    cache = caches[ALIAS]
    try:
        cache.incr(GENERATION)
    except ValueError:  # never set, or evicted
        cache.set(GENERATION, time.time_ns(), timeout=None)


@functools.cache
def public_content_models():
    """Models whose rows appear on pages besides the pages themselves."""
    shown = {*get_snippet_models(), get_image_model(), get_document_model(), Site, Locale,
             NetworkSettings,
             # a page made private must stop being served to anyone at once
             PageViewRestriction,
             # what the apps show besides their pages (imported events, listed members)
             *extensions.shown_models()}  # fmt: skip
    return frozenset(shown - extensions.bookkeeping_models())


def row_saved(sender, raw=False, **_signal):
    """post_save of any model. A page's own saves are left out: a draft saves the row
    too, and publishing has its own signal."""
    if not raw and sender in public_content_models():
        content_changed()


def row_deleted(sender, instance, **_signal):
    if sender in public_content_models() or isinstance(instance, Page):
        content_changed()


# --- the CDN in front (Wagtail's frontend cache) ----------------------------------


def routes(page):
    """The page's own address and its routes that take no parameter (programme/,
    speakers/, calendar.ics, schedule.json): what a CDN may hold for it."""
    found = [""]
    if hasattr(page, "get_resolver"):
        for pattern in page.get_resolver().url_patterns:
            if pattern.name and not pattern.pattern.regex.groups:
                found.append(page.reverse_subpage(pattern.name))
    return found


def purge_listings(instance, **_signal):
    """After a publish or an unpublish, the CDN drops what shows the page besides its own
    address, which Wagtail purges itself: its routes, and every page above it that lists
    it (the conference's programme for a session, the section, the home page)."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # Robust: a CDN that cannot be reached must not fail the publish, which stands.
        transaction.on_commit(lambda: _purge(instance), robust=True)


def purge_after_move(instance, url_path_before, url_path_after, parent_page_before, **_signal):
    """After a move Wagtail purges nothing: the CDN drops the old addresses of the page and
    of every page under it, with their routes, and what listed it at both places."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None) and url_path_before != url_path_after:
        transaction.on_commit(
            lambda: _purge_move(instance, url_path_before, url_path_after, parent_page_before),
            robust=True,
        )


def _purge_move(page, before, after, parent_before):
    # Both paths share the site's root; the moved part is what follows it.
    common = 0
    for index, (old, new) in enumerate(zip(before, after, strict=False)):
        if old != new:
            break
        if old == "/":
            common = index + 1
    batch = PurgeBatch()
    for moved in Page.objects.descendant_of(page, inclusive=True).live().specific():
        url = moved.get_full_url()
        tail = moved.url_path[common:]
        if url is None or not url.endswith(tail):
            continue
        old_url = url[: len(url) - len(tail)] + before[common:] + moved.url_path[len(after) :]
        batch.add_urls(old_url + route for route in routes(moved))
    batch.purge()
    # The signal's instance may still carry its old path; what it lists now is read anew.
    _purge(Page.objects.get(pk=page.pk).specific)
    _purge(parent_before.specific, include_page=True)


def _purge(page, include_page=False):
    batch = PurgeBatch()
    for listed in [page, *page.get_ancestors().filter(depth__gte=2).specific()]:
        base = listed.get_full_url()
        if base is not None:
            batch.add_urls(
                [
                    base + route
                    for route in routes(listed)
                    if listed is not page or route or include_page
                ]
            )
    batch.purge()
