from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MEMBER_LOCAL_GOVERNMENT = "member", _("Member local government")
    PARTNER_NETWORK = "partner", _("Partner network")
    UNIVERSITY = "university", _("University")
    OTHER = "other", _("Other")


class HeadingLevel(models.TextChoices):
    H2 = "h2", _("Section heading")
    H3 = "h3", _("Subsection heading")
