from django.core.management.base import BaseCommand

from providers.freshness import send_verification_reminders


class Command(BaseCommand):
    help = (
        "Email providers and PAs whose verified checks (insurance, PVG, DBS, training…) expire soon (once per check). "
        "Run daily (cron or a scheduler)."
    )

    def handle(self, *args, **options):
        sent = send_verification_reminders()
        self.stdout.write(f"Reminded the owners of {sent} check(s).")
