"""Adds the working groups, their members and meetings to the demo network."""

import datetime
import zoneinfo

from django.utils import timezone

from core.demo.loader import demo_key
from core.models import Organisation, Region
from events.demo.loader import email_of
from events.models import SessionPage
from workgroups.demo import content
from workgroups.domain.groups import ensure_coordinator_group
from workgroups.models import (
    CoordinatingOrganisation,
    MeetingNotice,
    MeetingPage,
    Membership,
    OccurrenceChange,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)


def second_tuesday(year, month):
    day = datetime.date(year, month, 8)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


class WorkgroupsDemo:
    def __init__(self, loader, homes, *, as_in_2013=False):
        self.loader = loader
        self.homes = homes
        today = datetime.date(2013, 1, 1) if as_in_2013 else timezone.localdate()
        year, month = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
        self.first = second_tuesday(year, month)

    def snippet(self, model, key, language):
        return model.objects.get(
            translation_key=demo_key(f"{model._meta.label}:{key}"),
            locale=self.loader.locales[language],
        )

    def run(self):
        for language in content.LANGUAGES:
            title, slug, intro = content.INDEX[language]
            index = self.loader.ensure_page(
                self.homes[language],
                WorkingGroupIndexPage,
                "working-groups",
                language,
                title=title,
                slug=slug,
                intro=intro,
                show_in_menus=True,
            )
            observatories = self.group(index, content.OBSERVATORIES, language)
            budgeting = self.group(index, content.BUDGETING, language)
            self.monthly(observatories, language)
            self.at_cascais(observatories, language)
            self.budgeting_meeting(budgeting, language)
            if language == "en":
                self.members(observatories, content.OBSERVATORY_MEMBERS)
                self.members(budgeting, content.BUDGETING_MEMBERS)
        # Demo members have made-up addresses: what the demo published is not news to them.
        for meeting in MeetingPage.objects.filter(locale=self.loader.locales["en"]):
            MeetingNotice.objects.update_or_create(
                meeting_id=meeting.pk,
                defaults={"notified_sequence": meeting.sequence, "due_at": None},
            )

    def group(self, index, spec, language):
        fields = spec[language]
        page = self.loader.ensure_page(
            index,
            WorkingGroupPage,
            f"group:{spec['key']}",
            language,
            title=fields["title"],
            slug=fields["slug"],
            mandate=fields["mandate"],
            aims=fields["aims"],
            contact_email=spec["contact_email"],
            coordinators=[
                CoordinatingOrganisation(organisation=self.snippet(Organisation, key, language))
                for key in spec["coordinators"]
            ],
        )
        if not page.regions.exists():
            page.regions.set([self.snippet(Region, key, language) for key in spec["regions"]])
            page.save_revision().publish()

        if language == "en":
            ensure_coordinator_group(page)
        return page

    def monthly(self, group, language):
        spec = content.MONTHLY
        zone = zoneinfo.ZoneInfo(spec["time_zone"])
        start = datetime.datetime.combine(self.first, datetime.time(*spec["clock"]), zone)
        last = second_tuesday(*self.month_after(self.first, 9))
        third = second_tuesday(*self.month_after(self.first, 2))
        fifth = second_tuesday(*self.month_after(self.first, 4))
        moved = datetime.datetime.combine(
            fifth + datetime.timedelta(days=1), datetime.time(*spec["clock"]), zone
        )
        fields = spec[language]
        self.loader.ensure_page(
            group,
            MeetingPage,
            f"meeting:{spec['key']}",
            language,
            title=fields["title"],
            slug=fields["slug"],
            start=start,
            end=start + datetime.timedelta(hours=spec["hours"]),
            time_zone=spec["time_zone"],
            repeat="monthly",
            until=last,
            format="online",
            online_link=spec["online_link"],
            agenda=fields["agenda"],
            changes=[
                OccurrenceChange(
                    original_date=third, cancelled=True, note=fields["note_cancelled"]
                ),
                OccurrenceChange(
                    original_date=fifth,
                    new_start=moved,
                    new_end=moved + datetime.timedelta(hours=spec["hours"]),
                    note=fields["note_moved"],
                ),
            ],
        )

    @staticmethod
    def month_after(day, months):
        index = day.year * 12 + day.month - 1 + months
        return index // 12, index % 12 + 1

    def at_cascais(self, group, language):
        spec = content.AT_CASCAIS
        session = SessionPage.objects.filter(
            slug=spec["session"], locale=self.loader.locales[language]
        ).first()
        if session is None:
            return
        fields = spec[language]
        self.loader.ensure_page(
            group,
            MeetingPage,
            f"meeting:{spec['key']}",
            language,
            title=fields["title"],
            slug=fields["slug"],
            start=session.start,
            end=session.end,
            time_zone="Europe/Lisbon",
            format="in_person",
            session=session,
            agenda=fields["agenda"],
        )
        if not group.related_sessions.filter(pk=session.pk).exists():
            group.related_sessions.add(session)
            group.save_revision().publish()

    def budgeting_meeting(self, group, language):
        spec = content.BUDGETING_MEETING
        zone = zoneinfo.ZoneInfo(spec["time_zone"])
        day = self.first + datetime.timedelta(days=9)
        start = datetime.datetime.combine(day, datetime.time(*spec["clock"]), zone)
        fields = spec[language]
        self.loader.ensure_page(
            group,
            MeetingPage,
            f"meeting:{spec['key']}",
            language,
            title=fields["title"],
            slug=fields["slug"],
            start=start,
            end=start + datetime.timedelta(hours=spec["hours"]),
            time_zone=spec["time_zone"],
            format="online",
            online_link=spec["online_link"],
            agenda=fields["agenda"],
        )

    def members(self, group, people):
        organisations = {}
        for name, organisation, language, role, listed in people:
            if Membership.objects.filter(group=group, email=email_of(name)).exists():
                continue
            try:
                organisations[organisation] = self.snippet(Organisation, organisation, "en")
            except Organisation.DoesNotExist:
                organisations[organisation] = None
            Membership.objects.create(
                group=group,
                status="active",
                role=role,
                name=name,
                email=email_of(name),
                organisation=organisations[organisation],
                organisation_name="" if organisations[organisation] else organisation,
                language=language,
                show_on_page=listed,
                since=datetime.date(2012, 6, 11),
                privacy_version="2027-1",
                consented_at=timezone.now(),
            )
            self.loader.created += 1
