from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandError

from marketplace.core.demo_guard import refuse_demo_data
from marketplace.core.mfa import current_totp_code
from marketplace.demo.users import DEMO_USERS, demo_totp_secret


class Command(BaseCommand):
    help = "Print the current two-factor code of each demo account that uses the editing tools (demo only)."

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="?", help="Only this demo account")

    def handle(self, *args, email=None, **options):
        refuse_demo_data()
        emails = [row[0] for row in DEMO_USERS if email in (None, row[0])]
        if not emails:
            raise CommandError(f"{email} is not a demo account.")
        for address in emails:
            if Authenticator.objects.filter(user__email=address, type=Authenticator.Type.TOTP).exists():
                secret = demo_totp_secret(address)
                self.stdout.write(f"{address:28} {current_totp_code(secret)}   (authenticator secret {secret})")
