"""Which page an address leads to, remembered where the page cache is on.

Wagtail finds the page for every request by walking the tree from the site's root: the
site, the active locale, then each level's child by slug and its specific row, seven
queries for a conference's register/ route, POSTs included (the page cache only ever
answers anonymous GETs). With the page cache on, its generation is shared by every
process and starts anew once a publish, unpublish, move or deletion commits, or a
site, locale or view restriction changes: everything that can change where an
address leads. So the page an address led to is kept under that generation, and the
next request loads that page in one query and lets it route the rest of the address
itself, as Wagtail's walk would have ended (a conference's register/, a feed). Wagtail
then serves it as ever: view restrictions and before_serve_page hooks still run.

Without the page cache (one process, or no shared Redis) nothing is kept: another
process would not hear of a move.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.http import Http404

from core.domain import page_cache

#: Set on a request whose route was not found in the cache: store it once it is known.
_MISSED = "_xarxa_route_missed"


def _key(request):
    where = f"{request.get_host()}{request.path_info}"
    return f"xarxa:route:{hashlib.sha256(where.encode()).hexdigest()}"


def prepare(request, path):
    """Before Wagtail's serve: hand it the route of `path` from the cache, if kept."""
    if page_cache.seconds() <= 0 or hasattr(request, "_wagtail_route_for_request"):
        return

    cache = caches[page_cache.ALIAS]
    key = _key(request)
    found = cache.get_many([page_cache.GENERATION, key])
    generation, kept = found.get(page_cache.GENERATION), found.get(key)
    if generation is None:  # Redis away, or nothing has started a generation yet
        return
    setattr(request, _MISSED, (key, generation))
    if kept is None or kept[0] != generation:
        return
    _generation, content_type, pk, consumed = kept
    model = ContentType.objects.get_for_id(content_type).model_class()
    page = model.objects.filter(pk=pk).first() if model else None
    if page is None:
        return
    components = [component for component in path.split("/") if component]
    try:
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Http404:
        return  # let Wagtail walk the tree and answer
    delattr(request, _MISSED)


def remember(request):
    """After the response: keep the route Wagtail found, if this request missed it."""
    missed = getattr(request, _MISSED, None)
    result = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if missed is None or result is None or site is None:
        return
    key, generation = missed
    page = result[0]
    # Every locale's root page sits at the site root's depth: what lies below it in the
    # address is what the walk from there consumed.
    consumed = page.depth - site.root_page.depth
    kept = (generation, page.content_type_id, page.pk, consumed)
    caches[page_cache.ALIAS].set(key, kept, timeout=page_cache.seconds())
