"""Settings shared by every environment. Secrets never live here."""

import os
from pathlib import Path
from urllib.parse import urlsplit

#: site/ (holds config/ and core/)
SITE_DIR = Path(__file__).resolve().parent.parent.parent
#: the repository root (holds the apps, templates/ and var/)
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(os.environ.get("XARXA_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "core",
    "events",
    "workgroups",
    "newsletter",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # Purges a CDN when pages change; does nothing until WAGTAILFRONTENDCACHE is set.
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.PageCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.DropNulCharacters",
    "core.middleware.DatabaseUnavailable",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.RouteCache",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "xarxa.sqlite3",
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source language editors write in; the others are
# reached through wagtail-localize. Adding one: see "Adding a language" in the README.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("ca", "Català"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Stored times are UTC; each conference and meeting names its own zone for display.
TIME_ZONE = "UTC"

# Translations start as drafts so they go through the same review as the source.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator(allow_dummy):
    """DeepL if XARXA_DEEPL_KEY is set, else LibreTranslate if XARXA_LIBRETRANSLATE_URL
    is, else wagtail-localize's dummy (which reverses words) where `allow_dummy`.
    Whatever the engine, the glossary's names pass through untouched and a moderator
    approves the result before it goes live."""
    if key := os.environ.get("XARXA_DEEPL_KEY"):
        engine = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
        options = {"AUTH_KEY": key}
    elif url := os.environ.get("XARXA_LIBRETRANSLATE_URL"):
        engine = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
        options = {
            "LIBRETRANSLATE_URL": url.rstrip("/"),
            "API_KEY": os.environ.get("XARXA_LIBRETRANSLATE_KEY", ""),
        }
    elif allow_dummy:
        engine, options = "wagtail_localize.machine_translators.dummy.DummyTranslator", {}
    else:
        return None
    return {
        "CLASS": "core.machine_translation.GlossaryTranslator",
        "OPTIONS": {"ENGINE": engine, "ENGINE_OPTIONS": options},
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(allow_dummy=True)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's page editor posts many fields for pages with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Xarxa"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_BASE_URL = os.environ.get("XARXA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
XARXA_BASE_URL = WAGTAILADMIN_BASE_URL
#: Documents are uploaded by editors and downloaded by the public: only office and
#: open formats, never HTML or SVG, which a browser would run.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Through Wagtail's view, whatever the storage: it sends `default-src 'none'` and serves
# anything but PDF and plain text as an attachment.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

WAGTAILAPI_BASE_URL = XARXA_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Background work: a durable queue in the database, drained by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Xarxa <noreply@xarxa.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Only the Moderators group hears of pages waiting for review, not every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Content-Security-Policy for everything but the admin, which Wagtail builds with
# inline scripts. The public templates need no inline script or style.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail overrides this to SAMEORIGIN for its own preview iframe.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# A form sent from a page left open too long, or without cookies: the site's own page,
# in the reader's language, saying to reload and send again.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Every handler redacts (core.logs). Django configures its own first, which writes in
# clear: its console handler on "django" (with DEBUG on) and runserver's on
# "django.server". Naming those loggers here replaces their handlers with ours.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "core.logs.RedactPersonalData"}},
    "formatters": {
        "json": {"()": "core.logs.JSONFormatter"},
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Wagtail logs every page action at INFO; the audit log already keeps them.
        "wagtail": {"level": "WARNING"},
    },
}

# Registration.
#: Hours a pending (unconfirmed) registration keeps its seats.
XARXA_PENDING_HOLD_HOURS = int(os.environ.get("XARXA_PENDING_HOLD_HOURS", "24"))
#: Months after a conference ends before its registrations are anonymised.
XARXA_ANONYMISE_AFTER_MONTHS = int(os.environ.get("XARXA_ANONYMISE_AFTER_MONTHS", "6"))
#: Attempts allowed per window on public forms: (count, seconds). Set to 0 to turn off (bench).
#: Every POST from one address counts: 40 delegates at one venue, each correcting a
#: mistake or two, fit in 15 minutes.
XARXA_RATE_LIMIT_PER_IP = (int(os.environ.get("XARXA_RATE_LIMIT_PER_IP", "120")), 15 * 60)
XARXA_RATE_LIMIT_PER_EMAIL = (int(os.environ.get("XARXA_RATE_LIMIT_PER_EMAIL", "5")), 60 * 60)
#: Failed admin sign-ins allowed per 15 minutes: per account name from one address, per
#: address, and per account name from anywhere (core.admin_login says why each).
XARXA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP = (
    int(os.environ.get("XARXA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP", "5")),
    15 * 60,
)
XARXA_LOGIN_FAILURES_PER_IP = (int(os.environ.get("XARXA_LOGIN_FAILURES_PER_IP", "20")), 15 * 60)
XARXA_LOGIN_FAILURES_PER_ACCOUNT = (
    int(os.environ.get("XARXA_LOGIN_FAILURES_PER_ACCOUNT", "100")),
    15 * 60,
)
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_login.ThrottledLoginForm"
#: Reverse proxies in front of the app that append to X-Forwarded-For; none in
#: development, the one nginx of the documented deployment in production.py.
XARXA_PROXY_HOPS = int(os.environ.get("XARXA_PROXY_HOPS", "0"))


def redis_caches(url, pages_url=None):
    """The caches on Redis (production, and make test's Redis pass): counters at `url`,
    page copies at `pages_url` (best a Redis of their own, whose memory limit evicts
    only copies, never a rate limit's counter).

    django-redis, for IGNORE_EXCEPTIONS: should Redis go away, the page cache only
    misses and pages are rendered again; rate limits ("default") fail loudly instead
    of letting every sign-in attempt through. Short socket timeouts, so a Redis that
    stops answering costs a reader a quarter of a second, not a hung worker."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": pages_url or url,
            "KEY_PREFIX": "pages",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
            },
        },
    }


# django-redis logs what IGNORE_EXCEPTIONS lets pass, so an outage shows in the logs.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# The page cache (core.domain.page_cache): how long an anonymous reader's copy of a page
# may be served. 0 turns it off; production turns it on when REDIS_URL gives every web
# process the same cache. Each process's own memory here, for a single runserver.
XARXA_PAGE_CACHE_SECONDS = int(os.environ.get("XARXA_PAGE_CACHE_SECONDS", "0"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Newsletter: at most this many recipients per ESP batch call (set it to your ESP's limit).
XARXA_NEWSLETTER_BATCH = int(os.environ.get("XARXA_NEWSLETTER_BATCH", "500"))
# Seconds after which a batch a worker claimed but never finished is sent by another run;
# longer than your ESP's slowest answer to one batch.
XARXA_NEWSLETTER_LEASE = int(os.environ.get("XARXA_NEWSLETTER_LEASE", "300"))
# How your ESP writes a merge field in an on-the-fly template: {{name}} (Postmark, SparkPost,
# Brevo, Mailtrap, Resend), %recipient.name% (Mailgun), -name- (SendGrid), [[var:name]] (Mailjet).
XARXA_NEWSLETTER_MERGE_FIELD = os.environ.get("XARXA_NEWSLETTER_MERGE_FIELD", "{{%s}}")
XARXA_LIST_ID_DOMAIN = urlsplit(XARXA_BASE_URL).hostname or "xarxa.localhost"
