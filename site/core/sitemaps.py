from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every locale's tree, not only the one the Site's root page is in."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_locale_tree = Q()
        for home in homes:
            in_a_locale_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_locale_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
