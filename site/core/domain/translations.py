"""How a page written in English reaches the other four languages, without losing work.

The rules:

- Every locale follows the source locale (English). When a source page is published,
  its wagtail-localize source is refreshed, so the translation editor shows exactly
  which segments are new or changed, and a locale that has no page yet gets a draft
  translation for its translators. Readers see it once a moderator approves it.
- A translation is never rewritten by a change to its source. Only synchronized
  fields (dates, times, rooms, capacities, statuses) follow the source at once, on
  the live page, because a Catalan reader must never see last week's time.
- A translator's work reaches readers only through the review workflow: submitting
  saves a draft revision and starts "Review and publish"; the live page keeps what
  a moderator approved last.
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models, transaction
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.log_actions import log
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import copy_synchronised_fields, get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments

from core.domain import page_cache

_following = ContextVar("following", default=True)


def following():
    return _following.get()


@contextmanager
def written_by_hand():
    """For the demo, which writes every language itself: publishing its English pages
    must not make drafts the demo is about to write."""
    token = _following.set(False)
    try:
        yield
    finally:
        _following.reset(token)


def is_source(page):
    return page.locale_id == Locale.get_default().pk


def source_page(page):
    """The default-language page of `page` (registrations, bookings and memberships point
    at it), or None. One query either way: the default locale's code needs none."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    found = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code=default)
        .first()
    )
    if found is None:
        return None
    return page.specific if found.pk == page.pk else found.specific


def in_language(model, pages, language):
    """{translation key: page in `language`}, falling back to the page given, in one query."""
    keys = {page.translation_key: page for page in pages}
    found = dict(keys)
    translated = model.objects.filter(
        translation_key__in=keys, locale__language_code=language
    ).live()
    for page in translated:
        found[page.translation_key] = page
    return found


def source_published(page, user=None):
    """After a source page goes live: refresh its segments, follow it everywhere."""
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for locale in Locale.objects.exclude(pk=page.locale_id):
        target = page.get_translation_or_none(locale)
        if target is None:
            # Sections first: wagtail-localize would otherwise make a missing parent an
            # alias, which shows the English page live in this language, unreviewed.
            for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
                if ancestor.get_translation_or_none(locale) is None:
                    _first_translation(_source_of(ancestor), locale, user)
            _first_translation(source, locale, user)
        elif target.alias_of_id is None:
            keep_in_step(target, page)


def _source_of(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return source


def _first_translation(source, locale, user):
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    try:
        # A draft, filled with the source text until translators replace it.
        translation.save_target(user=user, publish=False)
    except ParentNotTranslatedError:
        translation.delete()


def keep_in_step(target, source=None):
    """Copy the source's synchronized fields onto the live translation, nothing else."""
    source = source or source_page(target)
    if source is None:
        return []
    target = type(source).objects.get(pk=target.pk)
    before = _synchronized_values(target)
    copy_synchronised_fields(source, target)
    _follow_references(source, target)
    after = _synchronized_values(target)
    changed = sorted(name for name in after if after[name] != before[name])
    if changed:
        target.save(clean=False)
        log(instance=target, action="xarxa.translation.synchronize", data={"fields": changed})
        if target.live:
            # Saved without publishing, so no page_published: both caches are told here.
            page_cache.content_changed()
            purge_page_from_cache(target)
            page_cache.purge_listings(target)
    return changed


def _references(model):
    """Translated fields that point at a translated snippet (a session's room): the
    translation points at that snippet's version in its own language."""
    for field in get_translatable_fields(model):
        model_field = model._meta.get_field(field.field_name)
        if isinstance(model_field, models.ForeignKey) and issubclass(
            model_field.related_model, TranslatableMixin
        ):
            yield model_field


def _follow_references(source, target):
    for field in _references(type(source)):
        chosen = getattr(source, field.name)
        if chosen is not None:
            chosen = chosen.get_translation_or_none(target.locale) or chosen
        setattr(target, field.name, chosen)


def _synchronized_values(page):
    data = json.loads(page.to_json())
    names = [f.field_name for f in get_translatable_fields(type(page)) if f.is_synchronized(page)]
    names += [field.name for field in _references(type(page))]
    return {name: data.get(name) for name in names}


def edited_in_the_translation_editor(page, user):
    """Whether `page` has an enabled wagtail-localize translation. The page tree asks for
    every row of a listing, so the answers for the whole locale are fetched once and
    kept on the request's user object, as Wagtail keeps its permission checks."""
    memo = user.__dict__.setdefault("_xarxa_translated_keys", {})
    if page.locale_id not in memo:
        memo[page.locale_id] = set(
            Translation.objects.filter(target_locale_id=page.locale_id, enabled=True).values_list(
                "source__object_id", flat=True
            )
        )
    return page.translation_key in memo[page.locale_id]


def editor_translation(page):
    """The enabled wagtail-localize translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def submit_for_review(translation, user):
    """Save the translator's work as a draft revision and send it to the moderators.

    wagtail-localize writes a draft straight onto the page row, which for a live page
    is what readers see. The live content is put back before the transaction ends."""
    page = translation.get_target_instance().specific
    live_content = page.to_json() if page.live else None
    translation.save_target(user=user, publish=False)
    page = type(page).objects.get(pk=page.pk)
    if live_content is not None:
        restored = page.with_content_json(json.loads(live_content))
        restored.save(clean=False)
        page = restored
    revision = page.get_latest_revision()
    log(
        instance=page,
        action="xarxa.translation.submit",
        user=user,
        revision=revision,
        data={"locale": translation.target_locale.language_code},
    )
    state = page.current_workflow_state
    if state is not None:
        if state.status == state.STATUS_NEEDS_CHANGES:
            state.resubmit(user=user)
            return state
        # Moderators review the newest draft, not the one first sent.
        state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user)


def translation_published(page):
    """A moderator approved a translation: its synchronized fields come from the
    source as it is now, not as it was when the translator started."""
    if not is_source(page) and page.alias_of_id is None:
        keep_in_step(page)


def track_existing_translations(page):
    """Register translations made by hand (the demo) with wagtail-localize.

    Segments are paired field by field, in order, with the translation's own
    segments; a field whose segments do not line up is left untranslated, so it
    shows as outdated rather than wrong."""
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    by_field = _group_by_field((s.context.path, s) for s in segments)
    for locale in Locale.objects.exclude(pk=page.locale_id):
        target = page.get_translation_or_none(locale)
        if target is None or target.alias_of_id:
            continue
        Translation.objects.get_or_create(source=source, target_locale=locale)
        theirs = _group_by_field(
            (segment.path, segment)
            for segment in extract_segments(target.specific)
            if hasattr(segment, "string")
        )
        rows = []
        for field, ours in by_field.items():
            translated = theirs.get(field, [])
            if len(translated) != len(ours):
                continue
            for segment, their in zip(ours, translated, strict=True):
                rows.append(
                    StringTranslation(
                        translation_of_id=segment.string_id,
                        locale=locale,
                        context_id=segment.context_id,
                        data=their.string.data,
                    )
                )
        StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)


def _group_by_field(pairs):
    grouped = {}
    for path, segment in pairs:
        grouped.setdefault(path.split(".")[0], []).append(segment)
    return grouped


def source_pages():
    return Page.objects.filter(locale=Locale.get_default(), depth__gt=1)
