"""The sender's side, in the Wagtail admin: previews, test sends, the send itself, progress."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from core import mail
from newsletter.domain import rendering, scheduling, sending, tracking
from newsletter.enums import DispatchStatus
from newsletter.models import Dispatch, NewsletterIssuePage

SEND_PERMISSION = "newsletter.send_issue"
#: An email shown as it is: it may style itself and load images, and do nothing else.
PREVIEW_CSP = (
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'; sandbox allow-popups allow-popups-to-escape-sandbox"
)
#: A test goes to at most this many addresses.
MAX_TEST_ADDRESSES = 10


def require_sender(request):
    if not request.user.has_perm(SEND_PERMISSION):
        raise PermissionDenied


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Send a test to"),
        help_text=gettext_lazy("One or more addresses, separated by commas or new lines."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)

    def clean_addresses(self):
        parts = [part.strip() for part in self.cleaned_data["addresses"].replace(",", "\n").split()]
        parts = [part for part in parts if part]
        bad = []
        for part in parts:
            try:
                validate_email(part)
            except ValidationError:
                bad.append(part)
        if bad:
            raise ValidationError(
                _("These are not email addresses: %(addresses)s.") % {"addresses": ", ".join(bad)}
            )
        if len(parts) > MAX_TEST_ADDRESSES:
            raise ValidationError(
                _("Send a test to at most %(count)s addresses.") % {"count": MAX_TEST_ADDRESSES}
            )
        return parts


class SendForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the previews and want to send this issue"),
        error_messages={"required": gettext_lazy("Tick the box to confirm the send.")},
    )
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at (leave empty to send now)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    fallback = forms.BooleanField(
        label=gettext_lazy(
            "Send the default-language version to readers whose language has no translation"
        ),
        required=False,
    )

    def clean_send_at(self):
        when = self.cleaned_data["send_at"]
        if when and when <= timezone.now():
            raise ValidationError(_("Choose a time in the future, or leave it empty to send now."))
        return when


def issue_list(request):
    require_sender(request)
    issues = (
        NewsletterIssuePage.objects.filter(locale=Locale.get_default())
        .select_related("dispatch")
        .order_by("-latest_revision_created_at")
    )
    return TemplateResponse(request, "newsletter/admin/issues.html", {"issues": issues})


def _editing_version(issue):
    """What the editor is working on: the latest revision, published or not."""
    return issue.get_latest_revision_as_object() if issue.latest_revision_id else issue


def send_view(request, page_id):
    require_sender(request)
    source = get_object_or_404(NewsletterIssuePage, pk=page_id).specific
    source = sending.source_of(source)
    dispatch = Dispatch.objects.filter(issue=source).first()
    test_form = TestSendForm(initial={"addresses": request.user.email, "language": "en"})
    send_form = SendForm()
    action = request.POST.get("action")
    if request.method == "POST" and action == "test":
        test_form = TestSendForm(request.POST)
        if test_form.is_valid():
            sent_to = send_test(source, **test_form.cleaned_data)
            messages.success(
                request, _("Test sent to %(addresses)s.") % {"addresses": ", ".join(sent_to)}
            )
            return redirect("newsletter_send", page_id=source.pk)
    elif request.method == "POST" and action == "send":
        send_form = SendForm(request.POST)
        if send_form.is_valid():
            try:
                scheduling.schedule(
                    source,
                    user=request.user,
                    when=send_form.cleaned_data["send_at"],
                    fallback=send_form.cleaned_data["fallback"],
                )
            except scheduling.Refusal as refusal:
                send_form.add_error(None, refusal.message)
                # Another sender was first: the page shows their send instead of the form,
                # so the refusal goes above it.
                dispatch = Dispatch.objects.filter(issue=source).first()
                if dispatch and dispatch.status != DispatchStatus.CANCELLED:
                    messages.error(request, refusal.message)
            else:
                when = send_form.cleaned_data["send_at"]
                messages.success(
                    request,
                    _("The issue is scheduled.") if when else _("The issue is on its way."),
                )
                return redirect("newsletter_send", page_id=source.pk)
    elif request.method == "POST" and action == "cancel" and dispatch:
        if scheduling.cancel(dispatch):
            messages.success(request, _("The scheduled send is cancelled."))
        else:
            messages.error(request, _("Too late: the issue has started going out."))
        return redirect("newsletter_send", page_id=source.pk)
    plan = scheduling.plan(source)
    pages = _translations(source)
    for row in plan:
        row["page"] = pages.get(row["language"])
    context = {
        "issue": source,
        "dispatch": dispatch,
        "plan": plan,
        "total": sum(row["readers"] for row in plan if row["live"]),
        "missing": [row for row in plan if row["readers"] and not row["live"]],
        "test_form": test_form,
        "send_form": send_form,
        "zone": timezone.get_current_timezone_name(),
        "can_send": dispatch is None or dispatch.status == DispatchStatus.CANCELLED,
    }
    if dispatch and dispatch.ledger_written:
        context["progress"] = sending.counts(dispatch)
        context["tracking"] = tracking.counts(dispatch)
    return TemplateResponse(request, "newsletter/admin/send.html", context)


def _translations(source):
    pages = NewsletterIssuePage.objects.filter(translation_key=source.translation_key)
    return {page.locale.language_code: page for page in pages.select_related("locale")}


def preview_view(request, page_id, language):
    require_sender(request)
    source = sending.source_of(get_object_or_404(NewsletterIssuePage, pk=page_id))
    page = get_object_or_404(
        NewsletterIssuePage, translation_key=source.translation_key, locale__language_code=language
    )
    response = HttpResponse(rendering.preview_html(_editing_version(page)))
    # The email's own HTML is shown as is; it must not run anything.
    response["Content-Security-Policy"] = PREVIEW_CSP
    return response


def send_test(source, *, addresses, language):
    """Each test address gets the issue as a reader would, with links that go nowhere."""
    page = (
        NewsletterIssuePage.objects.filter(
            translation_key=source.translation_key, locale__language_code=language
        ).first()
        or source
    )
    version = _editing_version(page)
    links = {
        "unsubscribe_url": f"{settings.XARXA_BASE_URL}/{language}/newsletter/subscribe/",
        "preferences_url": f"{settings.XARXA_BASE_URL}/{language}/newsletter/subscribe/",
    }
    rendered = rendering.render(version, links=links)
    for address in addresses:
        mail.queue_rendered(
            to=address,
            language=version.locale.language_code,
            subject=_("[Test] %(subject)s") % {"subject": rendered.subject},
            text=rendered.text,
            html=rendered.html,
            template="newsletter/issue",
            reference=f"issue-test:{source.pk}",
        )
    return addresses
