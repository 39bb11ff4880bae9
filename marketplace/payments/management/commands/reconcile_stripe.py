from django.core.management.base import BaseCommand, CommandError

from marketplace.payments import reconcile, stripe_api


class Command(BaseCommand):
    help = (
        "Compare recent local payment records (webhook events, connected accounts, requests sent to Stripe, payments "
        "and refunds) with Stripe's events, accounts, PaymentIntents and Refunds; print each difference and exit 1 if "
        "there is any. Changes nothing unless given --retry or --apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="how far back to look (default 3 days)")
        parser.add_argument(
            "--retry", action="store_true", help="first queue again every kept event not processed yet (or failed)"
        )

        parser.add_argument(
            "--apply",
            action="store_true",
            help="bring in what Stripe has settled for good and this site has not (a payment Stripe says succeeded, "
            "a refund Stripe says succeeded or failed); amounts that differ are only reported",
        )

    def handle(self, *args, days, retry, apply=False, **options):
        if not stripe_api.is_configured():
            raise CommandError("STRIPE_SECRET_KEY is not set: there is nothing to compare with.")
        if not 1 <= days <= 30:
            raise CommandError("--days must be between 1 and 30 (Stripe keeps events for 30 days).")
        if retry:
            queued = reconcile.retry_unprocessed()
            self.stdout.write(f"Queued {queued} event(s) again.")
        applied = []
        found = reconcile.differences(days=days, apply=apply, applied=applied)
        for line in found:
            self.stdout.write(line)
        for line in applied:
            self.stdout.write(f"Applied: {line}")
        if found:
            raise CommandError(f"{len(found)} difference(s) between this site and Stripe.")
        self.stdout.write(f"No differences with Stripe over the last {days} day(s).")
