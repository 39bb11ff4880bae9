from django.core.management.base import BaseCommand

from marketplace.payments.invoices import issuing


class Command(BaseCommand):
    help = (
        "Issue invoices for every approved visit (and charged late cancellation) of a finished period that is on no "
        "invoice yet. Safe to run as often as you like: a visit is invoiced once, ever."
    )

    def handle(self, *args, **options):
        issued = issuing.issue_due()
        self.stdout.write(f"Issued {len(issued)} invoice(s).")
