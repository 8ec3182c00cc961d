"""Joining, approval and the member's own links."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import tokens
from workgroups.enums import MembershipStatus
from workgroups.models import Membership

MANAGE = "xarxa.membership.manage"
FEED = "xarxa.membership.feed"
LIVE = (MembershipStatus.REQUESTED, MembershipStatus.ACTIVE)


def current(memberships, today=None):
    """The memberships in force on `today`: approved, and not past their "member until".

    Every private link, notice and listing goes through this, so an end date set in
    the admin (or by ending the membership) takes effect everywhere at once."""
    today = today or timezone.localdate()
    return memberships.filter(status=MembershipStatus.ACTIVE).filter(
        Q(until__isnull=True) | Q(until__gte=today)
    )


class Refusal(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def reference(membership):
    return f"membership:{membership.pk}"


def request_to_join(group, details, *, privacy_version, now=None):
    """A request the coordinators will see in the admin. `group` is the default-language page."""
    # membership_mail imports this module: a cycle inside the app.
    from workgroups.domain import membership_mail

    now = now or timezone.now()
    email = details["email"].strip().lower()
    live = Membership.objects.filter(group=group, email=email, status__in=LIVE)
    asked = Refusal(
        _(
            "This email address has already asked to join or is a member. "
            "The coordinators answer by email."
        )
    )
    with transaction.atomic():
        # A membership past its "member until" is over (`current`), though its row still
        # says active: it closes now, so a former member may ask to join again.
        lapsed = live.filter(status=MembershipStatus.ACTIVE).exclude(
            pk__in=current(live, timezone.localdate(now)).values("pk")
        )
        lapsed.update(status=MembershipStatus.ENDED, manage_token_hash="", feed_token_hash="")
        if live.exists():
            raise asked
        try:
            # A double click's second request finds nothing above while the first has
            # not committed; the unique constraint then makes it wait and refuses it.
            with transaction.atomic():
                membership = Membership.objects.create(
                    group=group,
                    email=email,
                    privacy_version=privacy_version,
                    consented_at=now,
                    **{key: value for key, value in details.items() if key != "email"},
                )
        except IntegrityError:
            if live.exists():
                raise asked from None
            raise
        membership_mail.received(membership)
    return membership


def approve(membership, *, by=None, now=None):
    """Make the applicant a member and send the welcome with their private links."""
    # membership_mail imports this module: a cycle inside the app.
    from workgroups.domain import membership_mail

    now = now or timezone.now()
    with transaction.atomic():
        membership = type(membership).objects.select_for_update().get(pk=membership.pk)
        if membership.status != MembershipStatus.REQUESTED:
            return membership
        membership.status = MembershipStatus.ACTIVE
        membership.decided_at, membership.decided_by = now, by
        membership.since = membership.since or timezone.localdate()
        manage, membership.manage_token_hash = tokens.issue(MANAGE)
        feed, membership.feed_token_hash = tokens.issue(FEED)
        membership.save()
        membership_mail.welcome(membership, manage, feed)
    return membership


def decline(membership, *, by=None, now=None):
    # membership_mail imports this module: a cycle inside the app.
    from workgroups.domain import membership_mail

    now = now or timezone.now()
    with transaction.atomic():
        membership = type(membership).objects.select_for_update().get(pk=membership.pk)
        if membership.status != MembershipStatus.REQUESTED:
            return membership
        membership.status = MembershipStatus.DECLINED
        membership.decided_at, membership.decided_by = now, by
        membership.save()
        membership_mail.declined(membership)
    return membership


def for_token(token, purpose=MANAGE):
    digest = tokens.hash_of(token, purpose)
    if digest is None:
        return None
    field = "manage_token_hash" if purpose == MANAGE else "feed_token_hash"
    return (
        current(Membership.objects.filter(**{field: digest}))
        .select_related("group", "organisation")
        .first()
    )


def reset_feed(membership):
    """A new private feed address; the old one stops working at once."""
    # membership_mail imports this module: a cycle inside the app.
    from workgroups.domain import membership_mail

    with transaction.atomic():
        feed, membership.feed_token_hash = tokens.issue(FEED)
        membership.save(update_fields=["feed_token_hash"])
        membership_mail.new_feed(membership, feed)
    return feed


def leave(membership, now=None):
    now = now or timezone.now()
    membership.status = MembershipStatus.LEFT
    membership.until = timezone.localdate()
    membership.manage_token_hash = membership.feed_token_hash = ""
    membership.save()


def end(membership, *, reason, by=None, today=None):
    """An editor or coordinator ends a membership: the member's links stop working, the
    notices stop, and they are told why, in their language. Ending twice does nothing."""
    # membership_mail imports this module: a cycle inside the app.
    from workgroups.domain import membership_mail

    today = today or timezone.localdate()
    with transaction.atomic():
        membership = type(membership).objects.select_for_update().get(pk=membership.pk)
        if membership.status != MembershipStatus.ACTIVE:
            return membership
        membership.status = MembershipStatus.ENDED
        membership.until = min(membership.until or today, today)
        membership.end_reason = reason
        membership.decided_at, membership.decided_by = timezone.now(), by
        membership.manage_token_hash = membership.feed_token_hash = ""
        membership.save()
        membership_mail.ended(membership)
    return membership
