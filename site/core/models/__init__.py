from .pages import HomePage, NewsIndexPage, NewsPage, NewsPageTag, StandardPage
from .settings import NetworkSettings
from .snippets import Organisation, Person, Region

__all__ = [
    "HomePage",
    "NetworkSettings",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "Organisation",
    "Person",
    "Region",
    "StandardPage",
]
