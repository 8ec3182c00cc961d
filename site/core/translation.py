"""Which fields wagtail-localize translates and which it keeps in sync.

Every translatable model declares its own list on purpose (no autogeneration), so a
field added later without a decision is caught by tests/core/test_translation.py.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

#: What every page shares: its title, slug and search metadata are translated;
#: whether it shows in menus is the same in every language.
PAGE_BASE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


def page_fields(*fields):
    return [*PAGE_BASE_FIELDS, *fields]
