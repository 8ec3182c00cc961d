import os

from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo.loader import DemoLoader, ensure_admin


class Command(BaseCommand):
    help = "Load the demo network from the 2013 work plan. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-in-2013",
            action="store_true",
            help="Keep the conference on its original dates (2-5 July 2013). By default it is "
            "placed on the same dates of the coming year, so newcomers can register.",
        )

    def handle(self, *args, **options):
        created = DemoLoader(log=self.stdout.write, as_in_2013=options["as_in_2013"]).run()
        self.stdout.write(f"Demo network: {created} objects created.")
        _user, password = ensure_admin(
            password=os.environ.get("XARXA_ADMIN_PASSWORD"),
            password_file=settings.VAR_DIR / "demo-admin-password",
        )
        self.stdout.write("Admin login: admin")
        if password:
            self.stdout.write(f"Admin password: {password}")
        else:
            self.stdout.write("Admin password unchanged (set XARXA_ADMIN_PASSWORD to reset it).")
