"""The meta description of a page: what search engines and link previews show."""

from django.utils.text import Truncator

#: Longer descriptions are cut by search engines anyway; a whole introduction is not sent.
LONGEST = 300


def meta_description(page):
    """The editor's search description, else the page's own introduction or summary
    (the field its `description_field` names: `intro` unless a type says otherwise),
    on one line."""
    text = getattr(page, "search_description", "") or ""
    if not text.strip():
        text = getattr(page, getattr(page, "description_field", "intro"), "") or ""
    return Truncator(" ".join(str(text).split())).chars(LONGEST)
