from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.factories.core import (
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, slug="xarxa-home")
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": cls.home, "hostname": "testserver"}
        )
        cls.standard = StandardPageFactory(
            parent=cls.home,
            body=[
                ("heading", {"text": "Four directions", "level": "h2"}),
                ("paragraph", "<p>Knowledge, members, visibility, functioning.</p>"),
                ("quote", {"quote": "Citizenship for sustainability", "attribution": "Cascais"}),
            ],
        )
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(parent=cls.news_index)

    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_sit_under_home_or_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)

    def test_news_lives_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_news_index_per_home(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_every_page_renders(self):
        for page in (self.home, self.standard, self.news_index, self.news):
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRenderable(page)

    def test_every_page_previews(self):
        body = streamfield(
            [
                ("heading", {"text": "Four directions", "level": "h2"}),
                ("paragraph", rich_text("<p>Knowledge and exchange.</p>")),
            ]
        )
        base = {"slug": "preview", "seo_title": "", "search_description": ""}
        cases = [
            (
                self.home,
                {**base, "title": "Home", "network_name": "OIDP", "intro": "", "body": body},
            ),
            (self.standard, {**base, "title": "About", "intro": "", "body": body}),
            (self.news_index, {**base, "title": "News", "intro": ""}),
            (
                self.news,
                {
                    **base,
                    "title": "Work plan",
                    "date": "2013-07-02",
                    "intro": "Validated in Cascais.",
                    "image_alt_text": "",
                    "body": body,
                    "tags": "cascais-2013",
                },
            ),
        ]
        for page, data in cases:
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsPreviewable(page, post_data=nested_form_data(data))

    def test_news_index_lists_its_news_newest_first(self):
        older = NewsPageFactory(parent=self.news_index, title="Older", date="2013-01-01")
        response = self.client.get(self.news_index.url)
        content = response.content.decode()
        self.assertLess(content.index(self.news.title), content.index(older.title))

    def test_news_index_filters_by_topic(self):
        tagged = NewsPageFactory(parent=self.news_index, title="Award call")
        tagged.tags.add("award")
        tagged.save_revision().publish()
        response = self.client.get(self.news_index.url, {"tag": "award"})
        self.assertContains(response, "Award call")
        self.assertNotContains(response, self.news.title)

    def test_news_image_needs_alternative_text(self):
        from django.core.exceptions import ValidationError
        from wagtail_factories import ImageFactory

        self.news.image = ImageFactory()
        self.news.image_alt_text = ""
        with self.assertRaises(ValidationError) as caught:
            self.news.full_clean()
        self.assertIn("image_alt_text", caught.exception.message_dict)
