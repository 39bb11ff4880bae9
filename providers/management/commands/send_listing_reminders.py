from django.core.management.base import BaseCommand

from providers.freshness import send_listing_reminders


class Command(BaseCommand):
    help = (
        "Email providers and PAs whose published listings are due to be confirmed or going stale (once per "
        "confirmation). Run daily (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        sent = send_listing_reminders()
        self.stdout.write(f"Reminded the owners of {sent} listing(s).")
