"""Local development and `make demo`: SQLite in var/, emails as .eml files."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

VAR_DIR.mkdir(parents=True, exist_ok=True)

# Each message becomes a file a person can open in their mail client.
EMAIL_BACKEND = "core.outbox_backend.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "outbox"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
