"""Members of working groups: people, not pages, so nothing here is ever published."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from workgroups.enums import MemberRole, MembershipStatus


class Membership(models.Model):
    group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
    )
    role = models.CharField(
        _("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation (as typed)"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    motivation = models.TextField(_("why they want to join"), blank=True, max_length=2000)
    show_on_page = models.BooleanField(
        _("shown on the public page"),
        default=False,
        help_text=_("Only with the member's consent."),
    )
    since = models.DateField(_("member since"), null=True, blank=True)
    until = models.DateField(_("member until"), null=True, blank=True)
    end_reason = models.TextField(
        _("why the membership ended"),
        blank=True,
        max_length=2000,
        help_text=_("Sent to the member in the email that tells them."),
    )
    privacy_version = models.CharField(_("privacy notice version"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    requested_at = models.DateTimeField(_("asked to join at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: SHA-256 of the secrets in the member's links (core.tokens); never the secrets.
    manage_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    feed_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"],
                condition=Q(status__in=["requested", "active"]),
                name="one_live_membership_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.group})"

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name


class MeetingNotice(models.Model):
    """Where the notices about one meeting stand: what members were last told, and when
    the next notice is due (each save pushes it back, so a burst of edits sends one)."""

    meeting = models.OneToOneField(
        "workgroups.MeetingPage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    #: -1: members have not heard of the meeting yet.
    notified_sequence = models.IntegerField(default=-1)
    due_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.meeting_id}: {self.notified_sequence}"


class MembershipLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Wagtail's site history shows every entry of a model to anyone holding one of
        its permissions, which every coordinator holds for every group's members: only
        the memberships of the groups the user manages are shown."""
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups.domain.groups import groups_user_may_manage

        if user.is_superuser:
            return self.all()
        if not user.has_perm("workgroups.view_membership"):
            return self.none()
        managed = Membership.objects.filter(group__in=groups_user_may_manage(user))
        return self.filter(object_id__in=[str(pk) for pk in managed.values_list("pk", flat=True)])


class MembershipLogEntry(BaseLogEntry):
    """What editors and coordinators did to memberships (workgroups.wagtail_hooks)."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = MembershipLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("membership log entry")
        verbose_name_plural = _("membership log entries")

    def __str__(self):
        return f"{self.action} on membership {self.object_id}"
