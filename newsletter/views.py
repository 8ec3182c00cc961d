"""The reader's side: subscribing, confirming, the preference centre, unsubscribing."""

import json

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from core import ratelimit
from core.domain.privacy import current_notice
from core.ratelimit import client_ip
from core.responses import private
from newsletter.domain import links, subscriptions
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models import NewsletterIndexPage, Topic


def archive_url():
    index = NewsletterIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return index.url if index else None


def subscribe(request):
    locale = Locale.get_active()
    notice = current_notice(get_language())
    if request.GET.get("sent") == "1":
        return render(request, "newsletter/subscribe_sent.html", {"archive_url": archive_url()})
    initial = {"language": locale.language_code}
    topic = request.GET.get("topic", "")
    if topic.isascii() and topic.isdigit() and len(topic) < 12:
        initial["topics"] = [int(topic)]
    form = SubscribeForm(
        request.POST if request.method == "POST" else None, locale=locale, initial=initial
    )
    status = 200
    # Like registration: nobody gives their address before the privacy notice says what
    # is done with it, and every sign-up records the version they were shown.
    if request.method == "POST" and notice is not None:
        email = request.POST.get("email", "").strip().lower()[:254]
        if ratelimit.refuse_form(form, "subscribe", ip=client_ip(request), email=email):
            status = 429
        elif form.is_valid():
            subscriptions.subscribe(
                form.cleaned_data["email"],
                form.cleaned_data["language"],
                form.cleaned_data["topics"],
                ip=client_ip(request),
                privacy_version=notice.version,
            )
            return HttpResponseRedirect(request.path + "?sent=1")
    context = {"form": form, "notice": notice, "archive_url": archive_url()}
    return render(request, "newsletter/subscribe.html", context, status=status)


def invalid_link(request, expired=False):
    context = {"expired": expired, "subscribe_url": _subscribe_path()}
    return private(render(request, "newsletter/link_invalid.html", context, status=404))


def _subscribe_path():
    return reverse("newsletter:subscribe")


def confirm(request, token):
    subscriber, expired = links.confirming(token)
    if subscriber is None or subscriber.status not in (
        subscriptions.SubscriberStatus.PENDING,
        subscriptions.SubscriberStatus.CONFIRMED,
    ):
        return invalid_link(request, expired=expired)
    if request.method == "POST":
        subscriptions.confirm(subscriber, ip=client_ip(request))
        messages.success(request, _("Your subscription is confirmed. Welcome!"))
        token = links.subscriber_token(subscriber)
        return private(HttpResponseRedirect(reverse("newsletter:preferences", args=[token])))
    # A GET only asks: mail scanners open links, and must not confirm for the reader.
    context = {"subscriber": subscriber, "confirmed": subscriber.status == "confirmed"}
    return private(render(request, "newsletter/confirm.html", context))


def preferences(request, token):
    subscriber = links.subscriber_for(token)
    if subscriber is None:
        return invalid_link(request)
    locale = Locale.get_active()
    if request.method == "POST" and request.POST.get("action") == "erase":
        if request.POST.get("sure"):
            subscriptions.erase(subscriber)
            return private(render(request, "newsletter/erased.html", {}))
        messages.error(request, _("Tick the box to confirm that you want everything erased."))
        return private(HttpResponseRedirect(request.path))
    if request.method == "POST" and request.POST.get("action") == "unsubscribe":
        subscriptions.unsubscribe(subscriber, ip=client_ip(request), form="preference centre")
        return private(render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber}))
    initial = {"language": subscriber.language, "topics": _topics_in(subscriber, locale)}
    form = PreferencesForm(
        request.POST if request.method == "POST" else None, locale=locale, initial=initial
    )
    if request.method == "POST":
        if form.is_valid():
            # Topics with no translation in this language were not on the form: keep them.
            shown = set(form.fields["topics"].queryset.values_list("translation_key", flat=True))
            unseen = [t for t in subscriber.topics.all() if t.translation_key not in shown]
            notice = current_notice(get_language())
            subscriptions.change(
                subscriber,
                privacy_version=notice.version if notice else "",
                language=form.cleaned_data["language"],
                topics=[*form.cleaned_data["topics"], *unseen],
                ip=client_ip(request),
            )
            messages.success(request, _("Your choices are saved."))
            return private(HttpResponseRedirect(request.path))
    context = {
        "subscriber": subscriber,
        "form": form,
        "active": subscriber.status == subscriptions.SubscriberStatus.CONFIRMED,
        "data_url": f"{request.path}data.json",
        "subscribe_url": _subscribe_path(),
    }
    return private(render(request, "newsletter/preferences.html", context))


def _topics_in(subscriber, locale):
    keys = subscriber.topics.values("translation_key")
    return list(Topic.objects.filter(locale=locale, translation_key__in=keys))


def data(request, token):
    subscriber = links.subscriber_for(token)
    if subscriber is None:
        return invalid_link(request)
    body = json.dumps(subscriptions.export(subscriber), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="newsletter-data.json"'
    return private(response)


@csrf_exempt
def unsubscribe(request, token):
    """RFC 8058: mail clients POST here with no cookie and no CSRF token. A GET shows a
    button instead of acting, because link scanners follow every URL in an email."""
    subscriber = links.subscriber_for(token)
    if subscriber is None:
        return invalid_link(request)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, ip=client_ip(request))
        return private(render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber}))
    context = {
        "subscriber": subscriber,
        "preferences_url": reverse("newsletter:preferences", args=[token]),
        "stopped": subscriber.status in subscriptions.STOPPED,
    }
    return private(render(request, "newsletter/unsubscribe.html", context))
