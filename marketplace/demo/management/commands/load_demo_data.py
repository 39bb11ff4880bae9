"""Build the demo site: guidance pages in several languages, taxonomies, a glossary and one user per role.

    manage.py load_demo_data

Running it again creates only what is missing, so it is safe to repeat. Demo accounts share one password,
taken from the DEMO_PASSWORD environment variable (default "demo-password-2026"). Because that password is
public, the command refuses to run with any settings but the development and test ones
(marketplace/core/demo_guard.py).
"""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from marketplace.core.db_statistics import refresh_planner_statistics
from marketplace.core.demo_guard import refuse_demo_data
from marketplace.demo import acting as acting_demo
from marketplace.demo.directory import ProviderDemo
from marketplace.demo.guidance.loader import DemoDataError, DemoLoader, page_counts
from marketplace.demo.rates import load_direct_payment_rates
from marketplace.demo.reviews import ReviewDemo
from marketplace.demo.search_log import load_search_log
from marketplace.demo.users import DEFAULT_PASSWORD

from ...bookings import load_bookings
from ...budgets import load as load_budgets
from ...enquiries import load_enquiries
from ...invoices import load_invoices


class Command(BaseCommand):
    help = "Load demo content and demo users (idempotent; never use the demo accounts on a public site)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory-scale",
            type=float,
            default=1.0,
            help="Size of the demo directory of providers (1.0: about 480 providers and PAs with 640 listings).",
        )

    def handle(self, *args, **options):
        refuse_demo_data()
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        started = time.monotonic()
        try:
            report = DemoLoader(password).run()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        directory = ProviderDemo(scale=options["directory_scale"]).run()
        reviews = ReviewDemo().run()
        helpers, helper_users = acting_demo.load(password)
        load_direct_payment_rates()
        enquiries = load_enquiries()
        bookings = load_bookings()
        invoices = load_invoices()
        budgets = load_budgets()
        searches = load_search_log()
        refresh_planner_statistics()
        self._print_summary(report, password, time.monotonic() - started)
        if directory:
            self.stdout.write("Directory: " + ", ".join(f"{count} {name}" for name, count in directory.items()))
        if reviews:
            self.stdout.write("Reviews: " + ", ".join(f"{count} {name}" for name, count in reviews.items()))
        if enquiries:
            self.stdout.write("Enquiries: " + ", ".join(f"{count} {name}" for name, count in enquiries.items()))
        if bookings:
            self.stdout.write("Bookings: " + ", ".join(f"{count} {name}" for name, count in bookings.items()))
        if invoices:
            self.stdout.write("Invoices: " + ", ".join(f"{count} {name}" for name, count in invoices.items()))
        if budgets:
            self.stdout.write("Budgets: " + ", ".join(f"{count} {name}" for name, count in budgets.items()))
        if searches:
            self.stdout.write(f"Search log: {searches} demo searches, with the demand figures commissioners see")
        self._print_helpers(helpers, helper_users, password)

    def _print_helpers(self, counts, users, password):
        write = self.stdout.write
        if counts:
            write("People acting for someone: " + ", ".join(f"{count} {name}" for name, count in counts.items()))
        for email, role, created in users:
            shown = password if created else "(unchanged)"
            write(f"{email:<28} {shown:<20} {'-':<16} {role}")

    def _print_summary(self, report, password, seconds):
        write = self.stdout.write
        if report.created:
            write(self.style.SUCCESS("Created: " + ", ".join(f"{n} {what}" for what, n in report.created.items())))
        else:
            write(self.style.SUCCESS("Demo data already loaded: nothing to do."))
        write("")
        write(f"{'Demo account':<28} {'Password':<20} {'Groups':<16} Role")
        for email, role, groups, created in report.users:
            shown = password if created else "(unchanged)"
            write(f"{email:<28} {shown:<20} {groups:<16} {role}")
        write("")
        write(f"{'Locale':<8} {'Live pages':>10} {'Not aliases':>11} {'Aliases':>8}")
        for code, (live, translated, aliases) in page_counts().items():
            write(f"{code:<8} {live:>10} {translated:>11} {aliases:>8}")
        write(f"\nDone in {seconds:.1f} s.")
