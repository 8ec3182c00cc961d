"""Adds the newsletter to the demo: topics, 30 confirmed readers, one sent issue in five
languages (with its ledger) and one draft, filled in from what the demo published."""

import datetime
import json

from django.utils import timezone
from wagtail.models import Page

from core.demo.loader import demo_key
from newsletter.demo import content
from newsletter.domain import links
from newsletter.domain.sending import write_ledger
from newsletter.enums import DeliveryStatus, DispatchStatus, SubscriberSource, SubscriberStatus
from newsletter.models import (
    Delivery,
    Dispatch,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Topic,
)


class NewsletterDemo:
    def __init__(self, loader, homes, *, as_in_2013=False):
        self.loader = loader
        self.homes = homes

    def run(self):
        indexes = {}
        for language in content.LANGUAGES:
            title, slug, intro = content.INDEX[language]
            indexes[language] = self.loader.ensure_page(
                self.homes[language],
                NewsletterIndexPage,
                "newsletter",
                language,
                title=title,
                slug=slug,
                intro=intro,
                show_in_menus=True,
            )
        topics = self.topics()
        self.readers(topics)
        self.sent_issue(indexes, topics)
        self.draft_issue(indexes["en"], topics)

    def topics(self):
        topics = {}
        for order, (key, (section_name, names)) in enumerate(content.TOPICS.items()):
            section = None
            if section_name:
                section = Page.objects.filter(
                    translation_key=demo_key(f"page:{section_name}"),
                    locale=self.loader.locales["en"],
                ).first()
            for language in content.LANGUAGES:
                topic = self.loader.ensure_snippet(
                    Topic,
                    key,
                    language,
                    name=names[language],
                    section=section,
                    sort_order=order,
                )
                if language == "en":
                    topics[key] = topic
        return topics

    def readers(self, topics):
        now = timezone.now()
        for number, (language, keys) in enumerate(content.READERS, start=1):
            email = f"reader{number:02}@{language}.demo.invalid"
            reader, created = Subscriber.objects.get_or_create(
                email=email,
                defaults={
                    "language": language,
                    "status": SubscriberStatus.CONFIRMED,
                    "source": SubscriberSource.ADMIN,
                    "key": links.new_key(),
                    "confirmed_at": now,
                    "status_changed_at": now,
                },
            )
            if created:
                reader.topics.set([topics[key] for key in keys])
                self.loader.created += 1

    def issue_page(self, index, key, language, publish=True, **fields):
        locale = self.loader.locales[language]
        translation_key = demo_key(f"page:{key}")
        page = NewsletterIssuePage.objects.filter(
            translation_key=translation_key, locale=locale
        ).first()
        if page is not None:
            return page, False
        topics = fields.pop("topics")
        fields["body"] = json.dumps(fields["body"])
        page = NewsletterIssuePage(
            translation_key=translation_key, locale=locale, live=publish, **fields
        )
        page.topics = topics
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        self.loader.created += 1
        return page, True

    def sent_issue(self, indexes, topics):
        source = None
        for language in content.LANGUAGES:
            text = content.SENT_ISSUE[language]
            page, _created = self.issue_page(
                indexes[language],
                "newsletter:1",
                language,
                title=text["title"],
                slug=text["slug"],
                subject=text["subject"],
                preheader=text["preheader"],
                intro=text["intro"],
                topics=list(topics.values()),
                body=[{"type": "text", "value": text["text"]}],
            )
            source = source or page
        if Dispatch.objects.filter(issue=source).exists():
            return
        # Sent a month ago, before the demo began: its ledger says so, and no email goes
        # out. The draft then gathers everything the demo published as news since.
        now = timezone.now()
        sent = now - datetime.timedelta(days=30)
        dispatch = Dispatch.objects.create(
            issue=source, status=DispatchStatus.SENT, scheduled_for=sent, started_at=sent
        )
        dispatch.total = write_ledger(dispatch)
        Delivery.objects.filter(dispatch=dispatch).update(status=DeliveryStatus.SENT, sent_at=sent)
        dispatch.ledger_written = True
        dispatch.finished_at = sent
        dispatch.save()

    def draft_issue(self, index, topics):
        text = content.DRAFT_ISSUE
        conference = Page.objects.get(
            translation_key=demo_key("page:conference:13"), locale=self.loader.locales["en"]
        )
        self.issue_page(
            index,
            "newsletter:2",
            "en",
            publish=False,
            title=text["title"],
            slug=text["slug"],
            subject=text["subject"],
            preheader=text["preheader"],
            intro=text["intro"],
            topics=[topics["network"], topics["conference"], topics["observatories"]],
            body=[
                {
                    "type": "featured",
                    "value": {
                        "page": conference.pk,
                        "summary": "",
                        "image": None,
                        "image_alt_text": "",
                    },
                },
                {"type": "published_since", "value": {"heading": text["heading"], "items": []}},
                {"type": "upcoming", "value": {"heading": text["upcoming"], "weeks": 52}},
                {"type": "button", "value": {"label": text["button"], "page": conference.pk}},
            ],
        )
