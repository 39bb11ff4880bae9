import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from marketplace.payments import webhooks


class Command(BaseCommand):
    help = (
        "Empty the stored body of Stripe events processed more than --days ago (card holders' names, emails, billing "
        "postcodes, card endings). The event's id, type and outcome stay, so a replay is still recognised."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=webhooks.KEEP_PAYLOADS_DAYS)

    def handle(self, *args, days, **options):
        emptied = webhooks.forget_payloads(timezone.now() - datetime.timedelta(days=max(days, 1)))
        self.stdout.write(f"Emptied {emptied} stored event(s).")
