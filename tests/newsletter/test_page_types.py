"""The archive and its issues: where they go, what they render, what the API shows."""

import pytest
from django.test import RequestFactory
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsletter.models import NewsletterIndexPage, NewsletterIssuePage

pytestmark = pytest.mark.django_db


def test_issues_live_under_the_archive_only():
    assert NewsletterIssuePage.parent_page_types == ["newsletter.NewsletterIndexPage"]
    assert NewsletterIndexPage.subpage_types == ["newsletter.NewsletterIssuePage"]
    assert NewsletterIssuePage.subpage_types == []


def test_the_archive_lists_sent_issues_only(client, archive, sent_issue, draft_issue):
    draft_issue.save_revision().publish()
    page = client.get(archive.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert sent_issue.title in html
    assert draft_issue.title not in html  # published, but not sent


def test_the_archive_in_catalan(client, sent_issue):
    catalan = NewsletterIssuePage.objects.get(
        translation_key=sent_issue.translation_key, locale__language_code="ca"
    )
    index = catalan.get_parent()
    html = client.get(index.url).content.decode()
    assert catalan.title in html
    assert client.get(catalan.url).status_code == 200


def test_both_preview_modes_render(admin_client, admin_user, draft_issue):
    case = WagtailPageTestCase()
    case.client = admin_client
    page = draft_issue.get_latest_revision_as_object()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "subject": page.subject,
            "preheader": page.preheader,
            "intro": page.intro,
            "body": streamfield([("text", rich_text("<p>Cascais awaits.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    for mode in ("", "email"):
        case.assertPageIsPreviewable(page, mode=mode, post_data=data, user=admin_user)
    email = page.serve_preview(RequestFactory().get("/"), "email").content.decode()
    assert '<html lang="en"' in email and "<table" in email and page.subject in email


def test_the_api_exposes_issues_by_type(client, sent_issue):
    response = client.get("/api/v2/pages/?type=newsletter.NewsletterIssuePage&fields=subject")
    assert response.status_code == 200
    subjects = {item["subject"] for item in response.json()["items"]}
    assert sent_issue.subject in subjects


def test_an_unsent_issue_is_not_in_the_api_or_search(client, draft_issue):
    draft_issue.save_revision().publish()
    listed = client.get("/api/v2/pages/?type=newsletter.NewsletterIssuePage&fields=subject")
    assert draft_issue.subject not in {item["subject"] for item in listed.json()["items"]}
    assert client.get(f"/api/v2/pages/{draft_issue.pk}/", follow=True).status_code == 404
    found = client.get("/en/search/?q=Cascais").content.decode()
    assert draft_issue.title not in found


def test_deleting_a_reader_anywhere_forgets_their_address_in_the_ledger(sent_issue):
    from newsletter.models import Delivery

    delivery = Delivery.objects.filter(dispatch__issue=sent_issue).first()
    email = delivery.email
    delivery.subscriber.delete()
    delivery.refresh_from_db()
    assert delivery.email == "" and delivery.subscriber is None
    assert not Delivery.objects.filter(email=email).exists()
