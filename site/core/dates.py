"""Dates written the way each language writes them.

Django's formats get two of our languages wrong: Catalan elides "de" before a
vowel ("2 d'abril", "2 de juliol") and Portuguese writes months in lower case
("2 de julho de 2013"). English is written day first for an international audience.
"""

from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import get_language

CATALAN_ELIDING_MONTHS = {4, 8, 10}  # abril, agost, octubre


def long_date(value, language=None):
    if not value:
        return ""
    language = (language or get_language() or "en").split("-")[0]
    if language == "ca":
        month = str(MONTHS[value.month]).lower()
        preposition = "d'" if value.month in CATALAN_ELIDING_MONTHS else "de "
        return f"{value.day} {preposition}{month} de {value.year}"
    if language == "pt":
        return f"{value.day} de {str(MONTHS[value.month]).lower()} de {value.year}"
    if language == "en":
        return f"{value.day} {MONTHS[value.month]} {value.year}"
    return date_format(value, "DATE_FORMAT")


def date_range(start, end, language=None):
    """'2–5 July 2027' within a month; both dates in full otherwise.

    Every language here writes the day first, so the range is the first day, a dash
    and the last date written as usual ("1–4 d'octubre de 2027").
    """
    if not start:
        return ""
    if not end or end == start:
        return long_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end, language)}"
    return f"{long_date(start, language)} – {long_date(end, language)}"
