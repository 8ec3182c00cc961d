import factory
import wagtail_factories
from wagtail.models import Locale

from core.models import HomePage, NewsIndexPage, NewsPage, Organisation, Region, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Cities working together"
    network_name = "International Observatory on Participatory Democracy"
    intro = "A network of cities."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    intro = "Something happened in the network."

    class Meta:
        model = NewsPage


class RegionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Region


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"City {n}")
    kind = "member"
    country = "PT"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation
