"""The smallest project django-newsletter sends from: its app, the contrib apps it needs,
an in-memory SQLite database (as Xarxa's bench runs on) and anymail's test backend."""

SECRET_KEY = "bench-only"  # noqa: S105
DEBUG = False
USE_TZ = True
SITE_ID = 1
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sites",
    "newsletter",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
ROOT_URLCONF = "peer_urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
NEWSLETTER_CONFIRM_EMAIL = False
NEWSLETTER_USE_HTTPS = True
# Its image field (and the template of an image) come from sorl-thumbnail; the bench's
# articles have no image.
NEWSLETTER_THUMBNAIL = "sorl-thumbnail"
