"""Which privacy notice a reader agrees to, in their language."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

from core.models import PrivacyNotice


def current_notice(language):
    """The notice in force in `language`, or the source language's when the translation
    is missing or behind it."""
    # The default locale's code, as Locale.get_default finds it, without its query.
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    newest = {}
    # One query for both languages; the newest notice of each comes first.
    for found in PrivacyNotice.objects.select_related("locale").filter(
        locale__language_code__in={language, source}
    ):
        newest.setdefault(found.locale.language_code, found)
    notice, default = newest.get(language), newest.get(source)
    # A translation that lags behind the source's version is not what people agree to.
    if notice is None or (default and notice.version != default.version):
        return default
    return notice
