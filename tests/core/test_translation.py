"""Every translatable model decides, field by field, what is translated and what is synced."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin

from core.translation import PAGE_BASE_FIELDS

PROJECT_APPS = {"core", "events", "workgroups", "newsletter"}
#: Page fields wagtail-localize never copies between locales.
PAGE_MACHINERY = {
    "go_live_at",
    "expire_at",
    "first_published_at",
    "content_type",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "live_revision",
    "last_published_at",
    "latest_revision_created_at",
    "draft_title",
    "alias_of",
    "url_path",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "page_ptr",
    "id",
    "comments",
    "wagtail_admin_comments",
}


def translatable_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and issubclass(model, TranslatableMixin)
    ]


def content_fields(model):
    names = set()
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue
        if isinstance(field, models.AutoField) or not getattr(field, "editable", True):
            continue
        if field.name in {"translation_key", "locale"}:
            continue
        if issubclass(model, Page) and field.name in PAGE_MACHINERY:
            continue
        if isinstance(field, models.ManyToManyField):
            continue
        names.add(field.name)
    if issubclass(model, Page) or hasattr(model, "_cluster_related_objects"):
        names |= {rel.name for rel in get_all_child_relations(model)} - PAGE_MACHINERY
    # A tag manager is saved through its child relation, declared instead.
    return names - {"tags"}


@pytest.mark.parametrize("model", translatable_models(), ids=lambda m: m._meta.label)
def test_every_field_is_declared_translated_or_synchronized(model):
    assert "translatable_fields" in vars(model), f"{model._meta.label} must declare its fields"
    declared = {field.field_name for field in model.translatable_fields}
    undecided = content_fields(model) - declared
    assert not undecided, f"{model._meta.label}: decide translate or sync for {sorted(undecided)}"


@pytest.mark.parametrize(
    "model", [m for m in translatable_models() if issubclass(m, Page)], ids=lambda m: m._meta.label
)
def test_pages_share_the_base_page_declarations(model):
    declared = [(type(f), f.field_name) for f in model.translatable_fields]
    for base in PAGE_BASE_FIELDS:
        assert (type(base), base.field_name) in declared


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_every_interface_string_is_translated(code):
    catalogue = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy
    assert len(po) > 50
