"""For each source page and each other locale: is the translation missing, outdated
or up to date? Computed for any number of pages in a fixed number of queries.

- missing: no page in that locale, an alias of the source, or a draft with nothing
  translated yet;
- outdated: a translation readers have seen whose source changed since (segments
  added or changed in the source have no translation), one still incomplete, or one
  whose latest work is not approved yet (readers still see the older text);
- up to date: every segment translated, and that is what readers see.

Translations made outside wagtail-localize (no segments to compare) are outdated
when the source was published after them.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING, OUTDATED, UP_TO_DATE = "missing", "outdated", "up_to_date"
STATUSES = [MISSING, OUTDATED, UP_TO_DATE]


@dataclass
class Cell:
    locale: Locale
    status: str
    page_id: int | None = None
    live: bool = False
    in_review: bool = False
    translated: int | None = None
    total: int | None = None

    @property
    def edit_url(self):
        if self.page_id is None:
            return None
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])


@dataclass
class Row:
    page: dict
    cells: list = field(default_factory=list)

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page["id"]])


def sections():
    """The top sections of the source site (children of its home pages)."""
    return Page.objects.filter(locale=Locale.get_default(), depth=3).order_by("path")


def status_table(*, locales, section=None):
    """Rows for every source page (under `section` if given), with a cell per locale."""
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path")
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    pages = list(pages.values("id", "title", "translation_key", "depth", "last_published_at"))
    keys = [page["translation_key"] for page in pages]

    targets = {
        (t["translation_key"], t["locale_id"]): t
        for t in Page.objects.filter(translation_key__in=keys)
        .exclude(locale=default)
        .values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "alias_of_id",
            "last_published_at",
        )
    }
    sources = {
        s["object_id"]: s
        for s in TranslationSource.objects.filter(object_id__in=keys, locale=default).values(
            "id", "object_id"
        )
    }
    source_ids = [s["id"] for s in sources.values()]
    tracked = set(
        Translation.objects.filter(source_id__in=source_ids, enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    progress = _progress(source_ids, locales)
    in_review = set(
        WorkflowState.objects.active()
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .values_list("object_id", flat=True)
    )

    rows = []
    for page in pages:
        row = Row(page=page)
        source = sources.get(page["translation_key"])
        for locale in locales:
            target = targets.get((page["translation_key"], locale.pk))
            row.cells.append(_cell(page, locale, target, source, tracked, progress, in_review))
        rows.append(row)
    return rows


def _cell(page, locale, target, source, tracked, progress, in_review):
    if target is None or target["alias_of_id"]:
        return Cell(locale=locale, status=MISSING)
    cell = Cell(
        locale=locale,
        status=MISSING,
        page_id=target["id"],
        live=target["live"],
        in_review=str(target["id"]) in in_review,
    )
    seen = target["last_published_at"] is not None
    if source is not None and (source["id"], locale.pk) in tracked:
        cell.total, cell.translated = progress.get((source["id"], locale.pk), (0, 0))
        published = target["live"] and not target["has_unpublished_changes"]
        if cell.translated == cell.total and published:
            cell.status = UP_TO_DATE
        elif seen or cell.translated:
            # Translated but not yet approved counts here too: readers still see the old.
            cell.status = OUTDATED
        return cell
    if not seen:
        return cell
    newer_source = (page["last_published_at"] or target["last_published_at"]) > target[
        "last_published_at"
    ]
    cell.status = OUTDATED if newer_source else UP_TO_DATE
    return cell


def _progress(source_ids, locales):
    """(source id, locale id) -> (segments, translated segments), in one query."""
    if not source_ids:
        return {}
    annotations = {}
    for locale in locales:
        translated = Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
        )
        annotations[f"done_{locale.pk}"] = Coalesce(Sum(Cast(translated, IntegerField())), Value(0))
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(total=Count("id"), **annotations)
    )
    return {
        (row["source_id"], locale.pk): (row["total"], row[f"done_{locale.pk}"])
        for row in rows
        for locale in locales
    }


def totals(rows, locales):
    """Locale code -> {status: count} over `rows`."""
    counts = {locale.language_code: dict.fromkeys(STATUSES, 0) for locale in locales}
    for row in rows:
        for cell in row.cells:
            counts[cell.locale.language_code][cell.status] += 1
    return counts


def only(rows, *, status, locale=None):
    """Rows where some locale (or `locale`) has `status`."""
    return [
        row
        for row in rows
        if any(
            cell.status == status and (locale is None or cell.locale == locale)
            for cell in row.cells
        )
    ]
