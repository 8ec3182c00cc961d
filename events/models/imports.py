from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CalendarSubscription(models.Model):
    """A partner's .ics feed that the network agenda, or one working group, follows."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("feed address"), help_text=_("An http(s) address of an .ics file."))
    active = models.BooleanField(_("active"), default=True)
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave blank for the network agenda, or choose the group whose page shows it."),
    )
    last_checked_at = models.DateTimeField(_("last checked"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last imported"), null=True, editable=False)
    last_error = models.TextField(_("last problem"), blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("working_group"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def status(self):
        if self.last_error:
            return _("Problem: %(error)s") % {"error": self.last_error}
        if self.last_success_at:
            return _("Imported")
        return _("Not imported yet")


class ImportedEvent(models.Model):
    subscription = models.ForeignKey(
        CalendarSubscription, on_delete=models.CASCADE, related_name="events"
    )
    uid = models.CharField(max_length=500)
    summary = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=500, blank=True)
    start = models.DateTimeField()
    end = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("imported event")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "uid"], name="one_event_per_uid")
        ]
        ordering = ["start"]

    def __str__(self):
        return self.summary
