from django import template
from django.urls import reverse

from newsletter.models import Topic

register = template.Library()


@register.simple_tag
def follow_topic_url(page):
    """The subscribe form with the topic whose section is this page ticked, or ""."""
    topic = (
        Topic.objects.filter(section__translation_key=page.translation_key, locale=page.locale)
        .only("pk")
        .first()
    )
    return f"{reverse('newsletter:subscribe')}?topic={topic.pk}" if topic else ""
