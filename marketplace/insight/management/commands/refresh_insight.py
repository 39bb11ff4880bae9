"""Rebuild commissioners' demand figures from the search log (hourly from cron; `--full` after a restore)."""

from django.core.management.base import BaseCommand

from marketplace.insight import demand


class Command(BaseCommand):
    help = "Work out the demand figures commissioners see from the search log: this month and last, or every month."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild every month, not only this one and the last.")
        parser.add_argument("--months", type=int, default=2, help="How many recent months to rebuild (default 2).")

    def handle(self, *args, full=False, months=2, **options):
        written = demand.refresh(full=full, months=max(months, 1))
        self.stdout.write(f"Demand figures: {written} written.")
