from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Venue(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    map_url = models.URLField(_("map link"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Step-free access, lifts, hearing loops, quiet rooms, accessible toilets."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("city"),
        FieldPanel("country"),
        MultiFieldPanel(
            [FieldPanel("map_url"), FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Map"),
        ),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("address"),
        TranslatableField("city"),
        SynchronizedField("country"),
        SynchronizedField("map_url"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        TranslatableField("accessibility"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.city}"


class Room(TranslatableMixin, index.Indexed, models.Model):
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="rooms"
    )
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    accessibility = models.TextField(_("accessibility notes"), blank=True)

    panels = [
        FieldPanel("venue"),
        FieldPanel("name"),
        FieldPanel("capacity"),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("venue"),
        TranslatableField("name"),
        SynchronizedField("capacity"),
        TranslatableField("accessibility"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.venue.name})"
