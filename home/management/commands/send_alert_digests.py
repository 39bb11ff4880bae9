from django.core.management.base import BaseCommand

from home.alerts import send_alert_digests


class Command(BaseCommand):
    help = "Send any guidance alert digests still waiting (publishing queues them automatically)."

    def handle(self, *args, **options):
        sent = send_alert_digests()
        self.stdout.write(f"Queued {sent} digest email(s).")
