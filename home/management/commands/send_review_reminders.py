from django.core.management.base import BaseCommand

from home.reviews import send_review_reminders


class Command(BaseCommand):
    help = "Email page owners about guidance that is overdue or due for review soon. Run daily (cron or a scheduler)."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"Queued {sent} reminder email(s).")
