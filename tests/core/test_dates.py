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


RANGES = [
    ("ca", datetime.date(2027, 7, 2), datetime.date(2027, 7, 5), "2–5 de juliol de 2027"),
    ("ca", datetime.date(2027, 10, 1), datetime.date(2027, 10, 4), "1–4 d'octubre de 2027"),
    ("es", datetime.date(2027, 5, 3), datetime.date(2027, 5, 5), "3–5 de mayo de 2027"),
    ("fr", datetime.date(2027, 6, 6), datetime.date(2027, 6, 7), "6–7 juin 2027"),
    ("pt", datetime.date(2027, 7, 2), datetime.date(2027, 7, 5), "2–5 de julho de 2027"),
    ("en", datetime.date(2027, 7, 2), datetime.date(2027, 7, 5), "2–5 July 2027"),
    ("en", datetime.date(2027, 6, 30), datetime.date(2027, 7, 2), "30 June 2027 – 2 July 2027"),
    ("ca", datetime.date(2027, 7, 2), datetime.date(2027, 7, 2), "2 de juliol de 2027"),
]


@pytest.mark.parametrize(("language", "start", "end", "expected"), RANGES)
def test_date_ranges_read_naturally(language, start, end, expected):
    from core.dates import date_range

    with translation.override(language):
        assert date_range(start, end) == expected
