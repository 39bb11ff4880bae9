"""The budgets part of the fuzzing site and its targets: the world's person records a budget with spending (one entry
with a receipt) and shares it with the council of the world's finance officer (two-factor on); the helper acts for
the person with every scope, money included."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from marketplace.budgets import services
from marketplace.budgets.models import HeldAs, ManagedBy, Period
from providers.photos import clean_photo
from tests.factories import UserFactory
from tests.mfa import enable_totp

EDINBURGH = "S12000036"


def _png():
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(output, format="PNG")
    return SimpleUploadedFile("receipt.png", output.getvalue(), content_type="image/png")


def build(world):
    person = world.users["person"]
    officer = UserFactory(email="finance@fuzz.example")
    services.make_finance_officer(officer, EDINBURGH)
    enable_totp(officer)
    world.users["finance"] = officer
    services.record_budget(
        person,
        person,
        amount_pence=120_000,
        period=Period.MONTHLY,
        start_date=date(2026, 1, 1),
        held_as=HeldAs.DIRECT_PAYMENT,
        managed_by=ManagedBy.SELF,
        council=EDINBURGH,
    )
    today = timezone.localdate()
    plain = services.add_spending(
        person, person, kind="wages", amount_pence=9_640, occurred_on=today, description="PA wages"
    )
    with_receipt = services.add_spending(
        person,
        person,
        kind="receipt",
        amount_pence=2_500,
        occurred_on=today,
        description="Cinema",
        receipt=clean_photo(_png()),
    )
    budget = services.share(person, person)
    world.ids.update({"budget": [budget.pk], "budget_entry": [plain.pk, with_receipt.pk]})


def _budget_form(world, role):
    return {
        "amount": "1200.00",
        "period": "monthly",
        "start_date": "2026-11-01",
        "held_as": "direct_payment",
        "managed_by": "self",
        "council": EDINBURGH,
    }


def _spending_form(world, role):
    return {
        "kind": "wages",
        "amount": "96.40",
        "occurred_on": timezone.localdate().isoformat(),
        "description": "PA wages",
        "supplier_name": "Payroll Co",
    }


def _correct_form(world, role):
    return {"entry": str(world.real("budget_entry")[0])}


def _sharing_form(world, role):
    return {"choice": "withdraw"}


def targets(Target, GET_POST):
    holder_side = ("anonymous", "person", "helper", "provider", "finance")
    council_side = ("anonymous", "finance", "person", "editor")
    budget = {"pk": "budget"}
    period = {"period": ["0", "10", "11"]}
    return [
        Target("budgets:overview", roles=holder_side, params=period, examples=60),
        Target("budgets:record", roles=holder_side, methods=GET_POST, form=_budget_form, examples=200),
        Target("budgets:spend", roles=holder_side, methods=GET_POST, form=_spending_form, examples=200),
        Target("budgets:correct", roles=holder_side, methods=("POST",), form=_correct_form, examples=60),
        Target("budgets:sharing", roles=holder_side, methods=GET_POST, form=_sharing_form, examples=60),
        Target("budgets:receipt", roles=holder_side, kwargs={"pk": "budget_entry"}, examples=40),
        Target("budgets:council", roles=council_side, examples=30),
        Target("budgets:council_ledger", roles=council_side, kwargs=budget, params=period, examples=60),
        Target("budgets:council_return", roles=council_side, kwargs=budget, params=period, examples=60),
        Target("budgets:council_return_pdf", roles=council_side, kwargs=budget, params=period, examples=40),
        Target(
            "budgets:council_receipt",
            roles=council_side,
            kwargs={"pk": "budget", "entry_pk": "budget_entry"},
            examples=40,
        ),
    ]
