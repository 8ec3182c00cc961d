from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.admin_login import ThrottledDjangoAdminLoginForm
from core.api import api_router
from core.sitemaps import MultilingualSitemap

admin.site.login_form = ThrottledDjangoAdminLoginForm

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # ESP tracking webhooks (bounces, complaints, unsubscribes): anymail checks the
    # ANYMAIL_WEBHOOK_SECRET basic auth, and the ESP's signature where it has one.
    path("anymail/", include("anymail.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded images, in every environment, unless they live elsewhere (S3, a media host):
# Django's own media route exists only with DEBUG on, and whitenoise serves static files.
if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", core_views.media, name="media")
    )

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("newsletter/", include("newsletter.urls")),
    # Files a page publishes (schedule.xml, calendar.ics, ...) have no trailing slash,
    # which Wagtail's own pattern requires; hand them to the page's routes.
    re_path(
        r"^((?:[\w\-]+/)*)([\w\-]+\.(?:xml|json|ics))$",
        core_views.page_file,
        name="page_file",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
