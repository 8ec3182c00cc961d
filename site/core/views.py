import logging
import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string
from wagtail.views import serve as wagtail_serve

from core import extensions
from core.domain import health

logger = logging.getLogger(__name__)
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        pages = extensions.listed(pages, as_list=True)
        # Parsed, not raw: a stray quote or operator in the raw string is a syntax
        # error to SQLite's full-text engine.
        _filters, parsed = parse_query_string(query)
        results = pages.specific().search(parsed)
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/search.html",
        {"query": query, "results": page, "filter_query": urlencode({"q": query})},
    )


def page_file(request, path, filename):
    return wagtail_serve(request, f"{path}{filename}/")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /api/",
        f"Sitemap: {settings.XARXA_BASE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke the page may break them too.
    return HttpResponseServerError(loader.get_template("500.html").render())


@never_cache
def healthz(request):
    """For the load balancer: 503 when this process cannot serve, 200 otherwise, with
    "degraded" when something shared with every process (cache, task queue) fails."""
    ok, report = health.run(health.WEB_CHECKS)
    if not ok:
        # The details (hosts, errors) go to the log, not to whoever asks.
        logger.warning("healthz failing: %s", {k: v for k, v in report.items() if not v["ok"]})
    serving = all(report[name]["ok"] for name in health.SERVING)
    status = "ok" if ok else "degraded" if serving else "fail"
    report = {name: "ok" if item["ok"] else "fail" for name, item in report.items()}
    return JsonResponse({"status": status, "checks": report}, status=200 if serving else 503)


#: Where uploaded images live under MEDIA_ROOT. Documents are never served from here:
#: they go through Wagtail's view, which checks their collection's privacy.
IMAGE_FOLDERS = ("images/", "original_images/")
#: A rendition's or an original's name never changes meaning while it exists; a month
#: keeps readers' copies without holding on forever to a file replaced under its name.
MEDIA_MAX_AGE = 30 * 24 * 60 * 60


@require_GET
def media(request, path):
    """Uploaded images when nothing in front of Django serves MEDIA_ROOT (no nginx
    location, no S3): with cache headers, and only images."""
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(IMAGE_FOLDERS):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    return response
