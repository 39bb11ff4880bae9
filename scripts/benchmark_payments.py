"""Benchmark card payments end to end: 1,000 invoices paid through localstripe, their signed webhooks through the site.

Builds a scratch SQLite database (never the developer's): suppliers with listings, people with personal budgets and
weekly bookings whose past visits were delivered and approved; issues the weekly invoices; then pays each one as the
site does (a PaymentIntent made by the site, confirmed with a test card at a localstripe the script starts on a free
loopback port), delivers Stripe's `payment_intent.succeeded` event, signed with the stripe library's helper, to the
site's real webhook view (signature check, stored once) and drains the real background task queue (django-tasks'
database backend, the `db_worker` command). Some events are sent twice; some payments are partly refunded through
localstripe. It prints payments per second and checks that every person's budget ledger balances to the penny against
their paid invoices less refunds; it exits 1 if any does not.

    .venv/bin/python scripts/benchmark_payments.py --invoices 1000 --workdir /tmp/sds-payments
"""

import argparse
import contextlib
import dataclasses
import datetime
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261204
WEEKS = 5  # each booking started five weeks ago: five finished weeks, five invoices
SUPPLIERS = ["Leith Home Support", "Gorgie Care Co-op", "Canolfan Gofal Caerdydd", "Cùram Ghlaschu", "Opieka Domowa"]
PEOPLE = ["Amina Hussain", "Mairi MacDonald", "Dafydd Evans", "Zofia Nowak", "Omar Haddad", "Bilal Ahmed"]
WEBHOOK_SECRET = "whsec_benchmark_only"  # noqa: S105 (a scratch site talking to a scratch localstripe)
REFUND_EVERY = 7  # one paid invoice in seven (the fourth, the eleventh...) gets a partial refund
REPLAY_EVERY = 10  # every tenth event is delivered twice, as Stripe may


@dataclasses.dataclass
class Figures:
    payments: int = 0
    refunds: int = 0
    replays: int = 0
    total_seconds: float = 0.0
    webhook_view_seconds: float = 0.0
    task_seconds: float = 0.0

    @property
    def webhook_seconds(self):
        return self.webhook_view_seconds + self.task_seconds


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--invoices", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a new temporary folder)")
    return parser.parse_args(argv)


# --- The world ----------------------------------------------------------------------------------------------------


def make_world(invoices, seed=SEED):
    """Suppliers, people with budgets and weekly bookings with approved past visits: enough for `invoices` weekly
    invoices (five per person). Returns the issued invoices, oldest first."""
    from django.utils import timezone

    from marketplace.bookings import offers
    from marketplace.budgets import services
    from marketplace.budgets.models import HeldAs, ManagedBy, Period
    from marketplace.payments.invoices import issuing
    from tests.factories import UserFactory
    from tests.unit.bookings.conftest import make_enquiry, publish, weekly_draft
    from tests.unit.payments.invoices.conftest import approve_past
    from tests.unit.providers.conftest import make_listing, make_organisation

    rng = random.Random(seed)  # noqa: S311 (repeatable test data)
    listings = []
    for number, name in enumerate(SUPPLIERS):
        owner = UserFactory(email=f"owner{number}@bench.example.org", display_name=f"Owner of {name}")
        organisation = make_organisation(owner, name=name, email=f"accounts{number}@bench.example.org")
        listings.append((owner, publish(make_listing(organisation=organisation, title=f"{name}: support at home"))))
    people = -(-invoices // WEEKS)
    week_start, _end = issuing.period_of(timezone.localdate() - datetime.timedelta(days=7 * WEEKS))
    then = timezone.make_aware(datetime.datetime.combine(week_start, datetime.time(8)))
    for number in range(people):
        person = UserFactory(
            email=f"person{number}@bench.example.org",
            display_name=f"{PEOPLE[number % len(PEOPLE)]} {number}",
            preferred_language=rng.choice(["en", "ur", "cy", "gd", "pl", "ar"]),
        )
        services.record_budget(
            person,
            person,
            amount_pence=rng.choice([80_000, 120_000, 165_050, 210_000]),
            period=rng.choice([Period.MONTHLY, Period.FOUR_WEEKLY]),
            start_date=week_start - datetime.timedelta(days=rng.randrange(60)),
            held_as=rng.choice([HeldAs.DIRECT_PAYMENT, HeldAs.ISF, HeldAs.PHB]),
            managed_by=ManagedBy.SELF,
            council="S12000036",
        )
        owner, listing = rng.choice(listings)
        hours = rng.choice([(datetime.time(9), datetime.time(11)), (datetime.time(13, 30), datetime.time(16))])
        draft = weekly_draft(listing, start=week_start, days=tuple(sorted(rng.sample(range(7), 2))), at=hours)
        draft = dataclasses.replace(draft, expires_at=then + datetime.timedelta(days=1))
        offer = offers.make_offer(make_enquiry(person, listing), draft, owner, now=then)
        approve_past(offers.accept(offer, person, person, now=then), person, owner)
    issued = sorted(issuing.issue_due(), key=lambda invoice: (invoice.period_start, invoice.pk))
    return issued[:invoices]


# --- Paying -------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def site_on(localstripe_url):
    """The site's settings for the run: Stripe at localstripe (no Connect there), webhooks signed with our secret,
    tasks queued in the database and run by the real worker."""
    from django.test import override_settings

    from tests.stripe_servers import TEST_SECRET_KEY

    with override_settings(
        STRIPE_SECRET_KEY=TEST_SECRET_KEY,
        STRIPE_API_BASE=localstripe_url,
        STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        STRIPE_DESTINATION_CHARGES=False,
        TASKS={"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}},
    ):
        yield


def deliver(client, event):
    """POST the event to the webhook view as Stripe would (signed now); returns the seconds the view took."""
    from tests.stripe_servers import signed_webhook

    body, signature = signed_webhook(event, WEBHOOK_SECRET)
    started = time.perf_counter()
    response = client.post(
        "/payments/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    took = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"The webhook view answered {response.status_code} to {event['id']}")
    return took


def run_worker():
    """Run every queued task with the real worker; returns the seconds it took."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    return time.perf_counter() - started


def pay(invoice, stripe_client):
    """What the person's browser and Stripe do: the site makes the PaymentIntent, Stripe.js confirms it by card."""
    from marketplace.payments.invoices import paying
    from tests.stripe_servers import localstripe_card

    _payment, _secret = paying.start(invoice, invoice.person, invoice.person)
    payment = invoice.payments.get()
    card = localstripe_card(stripe_client)
    stripe_client.v1.payment_intents.update(payment.stripe_id, params={"payment_method": card.id})
    return stripe_client.v1.payment_intents.confirm(payment.stripe_id)


def pay_all(invoices, localstripe_url):
    from django.test import Client

    from marketplace.payments.invoices import refunds
    from marketplace.payments.invoices.models import Refund
    from providers.models import Membership
    from tests.stripe_servers import stripe_client, stripe_event

    figures = Figures()
    client = Client(enforce_csrf_checks=True)
    localstripe = stripe_client(localstripe_url)
    started = time.perf_counter()
    with site_on(localstripe_url):
        for number, invoice in enumerate(invoices, start=1):
            intent = pay(invoice, localstripe)
            event = stripe_event("payment_intent.succeeded", intent.to_dict())
            figures.webhook_view_seconds += deliver(client, event)
            if number % REPLAY_EVERY == 0:
                figures.webhook_view_seconds += deliver(client, event)
                figures.replays += 1
        figures.task_seconds += run_worker()
        figures.payments = len(invoices)
        for invoice in invoices[REFUND_EVERY // 2 :: REFUND_EVERY]:
            invoice.refresh_from_db()
            owner = Membership.objects.get(supplier=invoice.supplier_id, role=Membership.Role.OWNER).user
            amount = max(invoice.total_pence // 3, 1)
            row = refunds.refund(invoice, owner, amount, "Visit cut short", uuid.uuid4().hex)
            if row.status != Refund.Status.SUCCEEDED:
                raise SystemExit(f"The refund for {invoice.reference} is {row.status}")
            figures.refunds += 1
    figures.total_seconds = time.perf_counter() - started
    return figures


# --- Checking -----------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Balance:
    person: str
    paid_pence: int
    refunded_pence: int
    ledger_pence: int

    @property
    def balances(self):
        return self.ledger_pence == self.paid_pence - self.refunded_pence


def balances():
    """Each budget's ledger against what its holder's invoices say: the totals of paid invoices less refunds."""
    from django.db.models import Sum

    from marketplace.budgets.models import Budget, Entry
    from marketplace.payments.invoices.models import Invoice, Refund

    paid = dict(
        Invoice.objects.filter(status=Invoice.Status.PAID)
        .values("person")
        .annotate(total=Sum("total_pence"))
        .values_list("person", "total")
    )
    refunded = dict(
        Refund.objects.filter(status=Refund.Status.SUCCEEDED)
        .values("payment__invoice__person")
        .annotate(total=Sum("amount_pence"))
        .values_list("payment__invoice__person", "total")
    )
    ledgers = dict(
        Entry.objects.filter(kind__in=[Entry.Kind.PAYMENT, Entry.Kind.REFUND])
        .values("budget__person")
        .annotate(total=Sum("amount_pence"))
        .values_list("budget__person", "total")
    )
    people = Budget.objects.filter(person__isnull=False).values_list("person", "person__email").order_by("pk")
    return [
        Balance(email, paid.get(pk, 0), refunded.get(pk, 0), ledgers.get(pk, 0))
        for pk, email in people
        if pk in paid or pk in ledgers
    ]


def pounds(pence):
    return f"£{pence / 100:,.2f}"


def report(figures, checked, unpaid):
    print(f"\n{figures.payments:,} invoices paid by card ({figures.replays:,} events delivered twice), "
          f"{figures.refunds:,} partly refunded, in {figures.total_seconds:.1f} s")  # fmt: skip
    print(
        f"End to end (site + localstripe + webhook + task): {figures.payments / figures.total_seconds:.1f} payments/s"
    )
    print(
        f"Webhook processing alone: {figures.payments / figures.webhook_seconds:.1f} payments/s "
        f"(view {figures.webhook_view_seconds * 1000 / figures.payments:.1f} ms and task "
        f"{figures.task_seconds * 1000 / figures.payments:.1f} ms per payment)"
    )
    wrong = [balance for balance in checked if not balance.balances]
    for balance in wrong:
        print(f"  DOES NOT BALANCE: {balance.person}: paid {pounds(balance.paid_pence)} less refunded "
              f"{pounds(balance.refunded_pence)}, ledger {pounds(balance.ledger_pence)}")  # fmt: skip
    paid = sum(balance.paid_pence for balance in checked)
    refunded = sum(balance.refunded_pence for balance in checked)
    print(f"Ledgers checked: {len(checked) - len(wrong):,} of {len(checked):,} balance to the penny against paid "
          f"invoices ({pounds(paid)}) less refunds ({pounds(refunded)})")  # fmt: skip
    if unpaid:
        print(f"  NOT PAID: {unpaid:,} invoices")
    return bool(checked) and not wrong and not unpaid


def benchmark(invoices, localstripe_url, *, out=print):
    """Make the world, pay everything, check the ledgers; returns (figures, balances, invoices left unpaid)."""
    from marketplace.payments.invoices.models import Invoice

    started = time.perf_counter()
    issued = make_world(invoices)
    out(f"Made {len(issued):,} invoices for {len({i.person_id for i in issued}):,} people in "
        f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    figures = pay_all(issued, localstripe_url)
    unpaid = Invoice.objects.filter(pk__in=[i.pk for i in issued]).exclude(status=Invoice.Status.PAID).count()
    return figures, balances(), unpaid


def main(argv=None):
    args = parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sds-payments-benchmark-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import benchmark_search

    started = time.perf_counter()
    benchmark_search.setup_django(workdir)  # a fresh SQLite database in the scratch folder, migrated
    print(f"Scratch database {workdir / 'benchmark.sqlite3'} migrated in {time.perf_counter() - started:.1f} s")
    from tests.stripe_servers import LOCALSTRIPE_LAUNCHER, free_loopback_port, running_server

    port = free_loopback_port()
    command = [sys.executable, str(LOCALSTRIPE_LAUNCHER), "--port", str(port)]
    with running_server("localstripe", command, f"http://127.0.0.1:{port}", workdir / "localstripe.log") as url:
        figures, checked, unpaid = benchmark(args.invoices, url)
    return 0 if report(figures, checked, unpaid) else 1


if __name__ == "__main__":
    sys.exit(main())
