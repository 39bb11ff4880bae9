"""The budget's rules: who may see it, recording a budget, spending, corrections, sharing and who looked.

Only the holder, a helper acting for them with the money scope, and (while the holder shares it) a council finance
officer of the council it is shared with may see a ledger. Every look by anyone other than the holder is recorded.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Budget, BudgetVersion, ConsentChange, Entry, FinanceOfficer, Look

COUNCIL_FINANCE_GROUP = "Council finance"
SEE_SHARED = "budgets.see_shared_ledgers"


def budget_of(person):
    """The person's ledger, made the first time it is needed."""
    budget, _created = Budget.objects.get_or_create(person=person)
    return budget


def officer_council(user):
    """The council a finance officer works for, or None when the user is not one."""
    if not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, "_budgets_council"):  # asked by the session, two-factor and view checks of one request
        officer = FinanceOfficer.objects.filter(user=user).first() if user.has_perm(SEE_SHARED) else None
        # A blank code must never match the blank `shared_with` of every unshared ledger.
        user._budgets_council = (officer.council or None) if officer else None
    return user._budgets_council


def is_finance_officer(user):
    return officer_council(user) is not None


def shared_with_officer(user):
    """Ledgers this officer may see: shared, now, with their council."""
    council = officer_council(user)
    if council is None:
        return Budget.objects.none()
    return Budget.objects.filter(shared_with=council, erased_at__isnull=True, person__isnull=False)


def budget_for_officer(user, pk):
    budget = shared_with_officer(user).filter(pk=pk).select_related("person").first()
    if budget is None:
        raise PermissionDenied
    return budget


def record_look(budget, viewer, role, what):
    return Look.objects.create(
        budget=budget, viewer=viewer, viewer_name=viewer.display_name or viewer.email, role=role, what=what
    )


@transaction.atomic
def record_budget(person, by, **fields):
    """A new version of the person's budget (the earlier ones stay as they were)."""
    budget = Budget.objects.select_for_update().get(pk=budget_of(person).pk)
    version = BudgetVersion.objects.create(budget=budget, recorded_by=by, **fields)
    if budget.shared_with and budget.shared_with != version.council:
        # Consent was given to that council, not to this one: sharing stops until the holder shares again.
        ConsentChange.objects.create(budget=budget, council=budget.shared_with, shared=False, by=by)
        budget.shared_with, budget.shared_at = "", None
        budget.save(update_fields=["shared_with", "shared_at"])
    return version


def add_spending(person, by, *, kind, amount_pence, occurred_on, description, supplier_name="", receipt=None):
    if kind not in Entry.BY_HAND:
        raise ValidationError(_("Choose what kind of spending this was."))
    if amount_pence <= 0:
        raise ValidationError(_("Enter an amount more than £0."))
    entry = Entry(
        budget=budget_of(person),
        kind=kind,
        amount_pence=amount_pence,
        occurred_on=occurred_on,
        description=description,
        supplier_name=supplier_name,
        recorded_by=by,
    )
    if receipt is not None:
        entry.receipt.save(receipt.name, receipt, save=False)
    entry.save()
    return entry


@transaction.atomic
def correct(person, by, entry_pk):
    """Reverse an entry with a new one of the opposite amount. Reversing twice is refused (the second would count
    the correction twice), so a double-submitted form corrects once."""
    budget = budget_of(person)
    Budget.objects.select_for_update().get(pk=budget.pk)
    entry = Entry.objects.filter(budget=budget, pk=entry_pk).first()
    if entry is None:
        raise PermissionDenied
    if entry.kind not in Entry.BY_HAND:
        raise ValidationError(_("Payments and refunds made on this site cannot be corrected here: ask the supplier."))
    if not entry.is_correctable:
        raise ValidationError(_("This entry has already been corrected."))
    try:
        with transaction.atomic():
            return Entry.objects.create(
                budget=budget,
                kind=Entry.Kind.CORRECTION,
                amount_pence=-entry.amount_pence,
                occurred_on=entry.occurred_on,
                description=entry.description,
                supplier_name=entry.supplier_name,
                reverses=entry,
                recorded_by=by,
            )
    except IntegrityError:
        raise ValidationError(_("This entry has already been corrected.")) from None


def record_movement(*, person, amount_pence, occurred_at, reference, supplier_name, key, refund):
    """A payment or refund heard from payments: recorded once per key, however often it is heard."""
    if person is None or not key or amount_pence <= 0:
        return None
    existing = Entry.objects.filter(key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Entry.objects.create(
                budget=budget_of(person),
                kind=Entry.Kind.REFUND if refund else Entry.Kind.PAYMENT,
                amount_pence=-amount_pence if refund else amount_pence,
                occurred_on=timezone.localdate(occurred_at),
                description=str(reference)[:200],
                supplier_name=str(supplier_name)[:200],
                key=str(key)[:200],
            )
    except IntegrityError:  # heard twice at the same moment: the other one recorded it
        return Entry.objects.get(key=key)


@transaction.atomic
def share(person, by):
    budget = budget_of(person)
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    version = budget.current
    if version is None:
        raise ValidationError(_("Record your budget first: it says which council to share it with."))
    if budget.shared_with == version.council:
        return budget
    budget.shared_with, budget.shared_at = version.council, timezone.now()
    budget.save(update_fields=["shared_with", "shared_at"])
    ConsentChange.objects.create(budget=budget, council=version.council, shared=True, by=by)
    return budget


@transaction.atomic
def withdraw(person, by):
    budget = Budget.objects.select_for_update().filter(person=person).first()
    if budget is None or not budget.shared_with:
        return budget
    council = budget.shared_with
    budget.shared_with, budget.shared_at = "", None
    budget.save(update_fields=["shared_with", "shared_at"])
    ConsentChange.objects.create(budget=budget, council=council, shared=False, by=by)
    return budget


def make_finance_officer(user, council):
    """Put `user` in the Council finance group, for `council` (a GSS code)."""
    if not council:
        raise ValueError("A council finance officer works for a council: give its GSS code.")
    group, _created = Group.objects.get_or_create(name=COUNCIL_FINANCE_GROUP)
    # Migration 0002 gives the group its permission; a group made again (by an admin, or after a flush) gets it here.
    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Budget),
        codename=SEE_SHARED.split(".")[1],
        defaults={"name": "Can see ledgers shared with their council"},
    )
    group.permissions.add(permission)
    user.groups.add(group)
    FinanceOfficer.objects.update_or_create(user=user, defaults={"council": council})
    for cached in ("_budgets_council", "_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cached, None)
    return user
