"""Run from cron (hourly is plenty): expire unanswered offers, end finished bookings, plan visits up to the horizon,
start bookings whose first visit began, approve visits nobody answered in time, close past cover requests.

    manage.py update_bookings

Safe to run as often as wanted: each step changes only what is due and not yet changed."""

from django.core.management.base import BaseCommand

from marketplace.bookings.planning import run_due


class Command(BaseCommand):
    help = "Bring bookings, visits and cover requests up to date with the clock (idempotent; run hourly from cron)."

    def handle(self, *args, **options):
        done = run_due()
        self.stdout.write(", ".join(f"{count} {what}" for what, count in done.items()))
