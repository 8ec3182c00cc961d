"""`make demo`: the development settings with DEBUG off, so a newcomer meets the site's
own error pages (404, 500, ...) rather than Django's debugging ones."""

from .dev import *  # noqa: F403

DEBUG = False
# Without DEBUG neither runserver nor Django serves static files; whitenoise (already in
# the middleware) serves them straight from the apps' folders, with no collectstatic.
# Uploaded images go through core.views.media, as in production without a media host.
WHITENOISE_USE_FINDERS = True
