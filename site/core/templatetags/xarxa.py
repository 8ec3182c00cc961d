import html

from django import template
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from core import navigation
from core.dates import date_range as format_date_range
from core.dates import long_date as format_long_date
from core.domain.calendar_links import calendar_links
from core.domain.page_description import meta_description as description
from core.models import HomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return navigation.language_links(request, context.get("page"), context.get("route_suffix", ""))


@register.simple_tag(takes_context=True)
def site_home(context):
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        home = page.get_ancestors(inclusive=True).type(HomePage).first()
        if home is not None:
            return home.specific
    return navigation.current_home()


@register.simple_tag
def meta_description(page):
    return description(page) if page is not None else ""


@register.simple_tag
def main_menu(home):
    return navigation.main_menu(home)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def in_section(page, section):
    """True when `page` is `section` or lies below it in the tree."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(section.path)


@register.filter
def long_date(value):
    return format_long_date(value)


@register.inclusion_tag("includes/subscribe.html", takes_context=True)
def subscribe(context, feed_path, name):
    """The "Subscribe" block: webcal, Google Calendar, Outlook.com and a plain download."""
    request = context.get("request")
    feed_url = request.build_absolute_uri(feed_path) if request else feed_path
    links = calendar_links(feed_url, name)
    return {
        "name": name,
        "feed_url": feed_url,
        "webcal_url": links.apple,
        "google_url": links.google,
        "outlook_url": links.outlook,
    }


@register.filter
def date_range(start, end):
    return format_date_range(start, end)


@register.filter
def plain_text(rich_text):
    """Rich text for a plain-text email: paragraphs kept, tags and entities gone."""
    expanded = expand_db_html(str(rich_text.source if hasattr(rich_text, "source") else rich_text))
    expanded = expanded.replace("</p>", "</p>\n\n").replace("<br/>", "\n").replace("<li>", "<li>* ")
    return html.unescape(strip_tags(expanded)).strip()
