from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import IntegrityError

from core.domain import site_setup


class Command(BaseCommand):
    help = (
        "Set up a new network's site on an empty database: the home page, its sections "
        "(conferences, working groups, agenda, news, newsletter), the Site on "
        "XARXA_BASE_URL and the network's settings. Refuses if a home page exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The network's full name.")
        parser.add_argument("--short-name", required=True, help="e.g. OIDP (at most 20).")
        parser.add_argument("--contact-email", default="", help="Shown in the footer.")
        parser.add_argument(
            "--sender-email", default="", help="The newsletter's default From address."
        )

    def handle(self, *args, **options):
        if len(options["short_name"]) > 20:
            raise CommandError("--short-name: at most 20 characters.")
        for option in ("contact_email", "sender_email"):
            if options[option]:
                try:
                    validate_email(options[option])
                except ValidationError:
                    flag = "--" + option.replace("_", "-")
                    raise CommandError(f"{flag}: not an email address.") from None
        try:
            home = site_setup.start_site(
                options["name"],
                options["short_name"],
                contact_email=options["contact_email"],
                sender_email=options["sender_email"],
            )
        except site_setup.AlreadySetUp:
            raise CommandError(
                "This database already has a home page: nothing was changed. Edit the "
                "site in the admin instead."
            ) from None
        except (ValidationError, IntegrityError) as error:
            # Say, a page already at /home/, or another Site on the same host and port.
            raise CommandError(f"Nothing was changed: {error}") from None
        self.stdout.write(f"Home page: {home.full_url}")
        for _model, title, slug, _in_menu in site_setup.sections():
            self.stdout.write(f"  {title}: {home.full_url}{slug}/")
        self.stdout.write(
            "Next: python manage.py createsuperuser, then in the admin write the privacy "
            "notice (Snippets > Privacy notices; registration stays closed without one). "
            "Translators find each page as a draft in their language once the worker runs."
        )
