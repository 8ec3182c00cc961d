"""Proper names machine translation must leave as they are."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("City or place")
        NETWORK = "network", _("Network or organisation")
        PERSON = "person", _("Person")
        OTHER = "other", _("Other name")

    term = models.CharField(
        _("term"),
        max_length=120,
        help_text=_("Written exactly as it must appear in every language, e.g. “Cascais”."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ci"),
        ]

    def __str__(self):
        return self.term
