from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=40)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    short_name = models.CharField(_("short name"), max_length=20, default="OIDP")
    contact_email = models.EmailField(_("contact address"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    default_sender_name = models.CharField(_("default sender name"), max_length=120, blank=True)
    default_sender_email = models.EmailField(
        _("default sender address"),
        blank=True,
        help_text=_("Used as the From address of emails; DEFAULT_FROM_EMAIL when blank."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    panels = [
        MultiFieldPanel([FieldPanel("short_name")], heading=_("Network")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("postal_address")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("default_sender_name"), FieldPanel("default_sender_email")],
            heading=_("Email"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("network settings")

    @property
    def from_email(self):
        if not self.default_sender_email:
            return settings.DEFAULT_FROM_EMAIL
        if self.default_sender_name:
            return f"{self.default_sender_name} <{self.default_sender_email}>"
        return self.default_sender_email
