"""An issue as an email: rendered once per language, personalised by merge data.

The templates see each reader's links as merge fields (`{{unsubscribe_url}}` by default,
`XARXA_NEWSLETTER_MERGE_FIELD` for another ESP's syntax); the ESP, or our outbox folder
backend, fills them in per recipient. So 10,000 readers in five languages cost five renders.
"""

import re
from dataclasses import dataclass, replace

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core.mail import merge_field, personalise
from core.models import NetworkSettings
from newsletter.domain.archive import summary_of, upcoming_events

#: The per-recipient values every issue needs.
MERGE_FIELDS = ("unsubscribe_url", "preferences_url")

#: How many issues this process has rendered (bench/newsletter_sending.py reports it).
stats = {"renders": 0}

_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')
_INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class RenderedIssue:
    language: str
    subject: str
    html: str
    text: str


def _absolute(html):
    return _RELATIVE.sub(rf"\1{settings.XARXA_BASE_URL}/", html)


def _absolute_url(url):
    return f"{settings.XARXA_BASE_URL}{url}" if url.startswith("/") else url


def _blocks(issue):
    """Each block with what its email template needs beyond its own value."""
    prepared = []
    for block in issue.body:
        extra = {}
        if block.block_type == "upcoming":
            extra["events"] = [
                replace(event, url=_absolute_url(event.url))
                for event in upcoming_events(issue.locale, block.value["weeks"])
            ]
        elif block.block_type == "featured":
            page = block.value["page"]
            page = page.specific if page else None
            extra["page"] = page
            extra["summary"] = block.value["summary"] or (summary_of(page) if page else "")
        elif block.block_type == "published_since":
            extra["items"] = [
                {
                    "page": item["page"],
                    "summary": item["summary"] or summary_of(item["page"].specific),
                }
                for item in block.value["items"]
                if item["page"] and item["page"].live
            ]
        prepared.append({"type": block.block_type, "value": block.value, **extra})
    return prepared


def render(issue, links=None):
    """The issue in its own language. `links` replaces the merge fields (previews, tests)."""
    language = issue.locale.language_code
    stats["renders"] += 1
    with translation.override(language):
        context = {
            "issue": issue,
            "blocks": _blocks(issue),
            "language": language,
            "base_url": settings.XARXA_BASE_URL,
            "view_url": issue.full_url,
            "network": NetworkSettings.objects.filter(site__is_default_site=True).first(),
            **{name: merge_field(name) for name in MERGE_FIELDS},
        }
        html = render_to_string("emails/newsletter/issue.html", context)
        text = render_to_string("emails/newsletter/issue.txt", context)
    html = _INLINER.inline(_absolute(html))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    rendered = RenderedIssue(language, " ".join(issue.subject.split()), html, text)
    if links:
        rendered = RenderedIssue(
            language, rendered.subject, personalise(html, links), personalise(text, links)
        )
    return rendered


def preview_html(issue):
    """The email as a reader would see it, with links that go nowhere."""
    return render(issue, links={name: "#" for name in MERGE_FIELDS}).html
