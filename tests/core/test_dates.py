import datetime

import pytest
from django.utils import translation

from core.dates import long_date

CASES = [
    ("ca", datetime.date(2013, 7, 2), "2 de juliol de 2013"),
    ("ca", datetime.date(2013, 4, 2), "2 d'abril de 2013"),
    ("ca", datetime.date(2013, 10, 1), "1 d'octubre de 2013"),
    ("ca", datetime.date(2013, 8, 15), "15 d'agost de 2013"),
    ("es", datetime.date(2013, 7, 2), "2 de julio de 2013"),
    ("fr", datetime.date(2013, 6, 6), "6 juin 2013"),
    ("pt", datetime.date(2013, 7, 2), "2 de julho de 2013"),
    ("en", datetime.date(2013, 10, 4), "4 October 2013"),
]


@pytest.mark.parametrize(("language", "date", "expected"), CASES)
def test_long_dates_read_naturally(language, date, expected):
    with translation.override(language):
        assert long_date(date) == expected


@pytest.mark.django_db
def test_news_shows_the_date_in_the_page_language(client, demo):
    from core.models import NewsPage

    news_ca = NewsPage.objects.get(locale__language_code="ca", slug="pla-de-treball-2013-validat")
    html = client.get(news_ca.url).content.decode()
    assert '<time datetime="2013-07-02">2 de juliol de 2013</time>' in html
