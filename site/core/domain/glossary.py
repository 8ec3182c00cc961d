"""Proper names (cities, networks, people) survive machine translation unchanged.

Before the text goes to the engine, each glossary term becomes an empty element,
`<x-term n="3"></x-term>`: engines translate text in HTML and keep tags, so the
element comes back where the grammar of the other language put it, and the term is
put back in its place. Terms are matched as whole words, outside tags, longest
first, so "Porto Alegre" wins over "Porto".
"""

import re

from core.models import GlossaryTerm, Person

TERM_TAG = re.compile(r'<x-term n="(\d+)"\s*/?>(?:</x-term>)?')
TAG = re.compile(r"(<[^>]+>)")


def terms():
    names = set(GlossaryTerm.objects.values_list("term", flat=True))
    names |= set(Person.objects.values_list("name", flat=True).distinct())
    return sorted((name for name in names if name.strip()), key=len, reverse=True)


def pattern(names):
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)")


def protect(html, compiled):
    """Return the text with terms hidden, and the terms in the order they were hidden."""
    if compiled is None:
        return html, []
    found = []

    def hide(match):
        found.append(match.group(1))
        return f'<x-term n="{len(found) - 1}"></x-term>'

    parts = TAG.split(html)
    # Odd parts are tags; only the text between them is searched.
    return "".join(
        part if i % 2 else compiled.sub(hide, part) for i, part in enumerate(parts)
    ), found


def restore(html, found):
    def put_back(match):
        index = int(match.group(1))
        return found[index] if index < len(found) else ""

    return TERM_TAG.sub(put_back, html)
