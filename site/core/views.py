import logging
import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware import csrf
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string
from wagtail.views import serve as wagtail_serve

from core import extensions
from core.domain import health
from core.domain import search as site_search

logger = logging.getLogger(__name__)
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = []
    kinds = extensions.search_kinds()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        pages = extensions.listed(pages, as_list=True)
        # Parsed, not raw: a stray quote or operator in the raw string is a syntax
        # error to SQLite's full-text engine.
        _filters, parsed = parse_query_string(query)
        results = site_search.search(pages, parsed, query, kinds)
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "results": page,
        "described": site_search.describe(page.object_list, kinds),
        "filter_query": urlencode({"q": query}),
    }
    return render(request, "core/search.html", context)


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


# The error pages are in the reader's language: LocaleMiddleware has taken it from the
# URL's prefix, else the language cookie, else Accept-Language among the site's, else
# English; the 500 page, which may come before that middleware ran, works it out itself.


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    try:
        request.get_host()
    except DisallowedHost:
        # The site's own pages need the host (addresses, the site's settings): a
        # request for a host this site does not serve gets the page that needs nothing.
        return static_error_page(request, "errors/400_static.html", 400)
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    context = {"cookies_missing": reason == csrf.REASON_NO_CSRF_COOKIE}
    return render(request, "403_csrf.html", context, status=403)


def server_error(request):
    return static_error_page(request, "500.html", 500)


def static_error_page(request, template, status):
    """An error page in the site's design that needs no database: no context
    processors, no page tree, no settings rows. Whatever broke the request (the
    database among them) may break those too."""
    codes = [code for code, _name in settings.LANGUAGES]
    language = translation.get_language_from_request(request, check_path=True) if request else None
    language = language if language in codes else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "LANGUAGE_CODE": language,
            "STATIC_URL": settings.STATIC_URL,
            "home_url": f"/{language}/",
            "search_url": reverse("search"),
            # Each language's home page: the address that failed may fail in all of them.
            "languages": [
                {"code": code, "name": name, "url": f"/{code}/", "is_current": code == language}
                for code, name in settings.LANGUAGES
            ],
        }
        body = loader.get_template(template).render(context)
    return HttpResponse(body, status=status)


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
