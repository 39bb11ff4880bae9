"""Budget pages: the holder's (or their helper's, with the money scope) and the council finance officer's.

Someone who may not see a ledger gets a 404 (an officer asking for a ledger not shared with their council, now, as
much as a stranger), so nobody learns whose ledgers exist. Invalid POSTs answer 400 and save nothing. Every look at
someone's money by anyone other than its holder is recorded, and the holder sees the record.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from marketplace.acting import context as acting
from marketplace.acting.models import Scope
from marketplace.bookings.money import as_pounds
from marketplace.core.form_errors import error_list

from . import councils, ledger, monitoring, periods, return_pdf, services
from .forms import BudgetForm, ConfirmForm, CorrectForm, SpendingForm
from .models import Budget, Entry, Look


def _holder(request):
    """The person whose budget this request is about; a helper needs the money scope."""
    acting.require(request, Scope.MONEY)
    return acting.principal(request)


def _render(request, template, data, status=200):
    forms = [value for value in data.values() if hasattr(value, "is_bound") and hasattr(value, "errors")]
    return render(request, template, {"errors": error_list(*forms), **data}, status=status)


def _period_index(request, version):
    """The period asked for (?period=N), up to the current one; nonsense (or the future) is the current one."""
    current = ledger.current_span(version).index
    raw = request.GET.get("period", "")
    if raw.isascii() and raw.isdigit() and len(raw) <= 6 and int(raw) <= current:
        return int(raw)
    return current


def _ledger_context(budget, version, index):
    span = periods.span(version.start_date, version.period, index)
    summary = ledger.summarise(budget, version, span)
    entries = (
        Entry.objects.filter(budget=budget, occurred_on__gte=span.start, occurred_on__lt=span.end)
        .select_related("reverses")
        .prefetch_related("reversed_by")
        .order_by("-occurred_on", "-pk")
    )
    current = ledger.current_span(version).index
    return {
        "budget": budget,
        "version": version,
        "summary": summary,
        "entries": entries,
        "previous_index": index - 1 if index > 0 else None,
        "next_index": index + 1 if index < current else None,
        "council_name": councils.name(version.council),
    }


# --- The holder ------------------------------------------------------------------------------------------------


@login_required
@require_GET
def overview(request):
    person = _holder(request)
    budget = Budget.objects.filter(person=person).first()
    version = budget.current if budget else None
    data = {"person": person, "budget": budget, "version": version, "acting_for": acting.acting_for_someone(request)}
    if budget is not None and acting.acting_for_someone(request):
        services.record_look(budget, request.user, Look.Role.HELPER, Look.What.LEDGER)
        acting.record(request, Scope.MONEY, gettext_lazy("Looked at your budget"), reverse("budgets:overview"))
    if version is not None:
        data.update(_ledger_context(budget, version, _period_index(request, version)))
        data["versions"] = budget.versions.select_related("recorded_by")[:20]
        data["looks"] = budget.looks.all()[:50]
        data["shared_name"] = councils.name(budget.shared_with)
    elif budget is not None:
        data["entries"] = budget.entries.all()[:50]
    return _render(request, "budgets/overview.html", data)


@login_required
@require_http_methods(["GET", "POST"])
def record(request):
    person = _holder(request)
    budget = Budget.objects.filter(person=person).first()
    version = budget.current if budget else None
    initial = {}
    if version is not None:
        initial = {
            "amount": f"{version.amount_pence / 100:.2f}",
            "period": version.period,
            "start_date": version.start_date,
            "held_as": version.held_as,
            "managed_by": version.managed_by,
            "council": version.council,
        }
    form = BudgetForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not form.is_valid():
            return _render(request, "budgets/record.html", {"form": form, "version": version}, status=400)
        data = form.cleaned_data
        services.record_budget(
            person,
            request.user,
            amount_pence=data["amount"],
            period=data["period"],
            start_date=data["start_date"],
            held_as=data["held_as"],
            managed_by=data["managed_by"],
            council=data["council"],
        )
        acting.record(
            request,
            Scope.MONEY,
            gettext_lazy("Recorded your budget: %(amount)s"),
            reverse("budgets:overview"),
            amount=as_pounds(data["amount"]),
        )
        messages.success(request, _("Your budget is saved."))
        return redirect("budgets:overview")
    return _render(request, "budgets/record.html", {"form": form, "version": version})


@login_required
@require_http_methods(["GET", "POST"])
def spend(request):
    person = _holder(request)
    form = SpendingForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not form.is_valid():
            return _render(request, "budgets/spend.html", {"form": form}, status=400)
        data = form.cleaned_data
        try:
            services.add_spending(
                person,
                request.user,
                kind=data["kind"],
                amount_pence=data["amount"],
                occurred_on=data["occurred_on"],
                description=data["description"],
                supplier_name=data["supplier_name"],
                receipt=data["receipt"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return _render(request, "budgets/spend.html", {"form": form}, status=400)
        acting.record(
            request,
            Scope.MONEY,
            gettext_lazy("Added spending to your budget: %(amount)s"),
            reverse("budgets:overview"),
            amount=as_pounds(data["amount"]),
        )
        messages.success(request, _("The spending is added to your budget."))
        return redirect("budgets:overview")
    return _render(request, "budgets/spend.html", {"form": form})


@login_required
@require_POST
def correct(request):
    person = _holder(request)
    form = CorrectForm(request.POST)
    if not form.is_valid():
        return _problem(request, _("Choose an entry to correct."))
    try:
        services.correct(person, request.user, form.cleaned_data["entry"])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return _problem(request, error.messages[0], status=409)
    acting.record(request, Scope.MONEY, gettext_lazy("Corrected an entry in your budget"), reverse("budgets:overview"))
    messages.success(request, _("The entry is corrected: a reversing entry is added."))
    return redirect("budgets:overview")


def _problem(request, message, status=400):
    return render(request, "budgets/problem.html", {"message": message}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def sharing(request):
    """Share the ledger with the budget's council, or stop at once. Consent is the holder's own: helpers cannot."""
    if acting.acting_for_someone(request):
        return _problem(request, _("Only the person whose budget it is can share it or stop sharing it."), 403)
    budget = Budget.objects.filter(person=request.user).first()
    version = budget.current if budget else None
    form = ConfirmForm(request.POST or None)
    data = {
        "budget": budget,
        "version": version,
        "form": form,
        "council_name": councils.name(version.council) if version else "",
        "shared_name": councils.name(budget.shared_with) if budget else "",
    }
    if request.method == "POST":
        choice = request.POST.get("choice")
        if choice not in ("share", "withdraw") or not form.is_valid():
            return _problem(request, _("Choose whether to share your budget or stop sharing it."))
        if choice == "withdraw":
            services.withdraw(request.user, request.user)
            messages.success(request, _("Your council can no longer see your budget."))
            return redirect("budgets:overview")
        try:
            services.share(request.user, request.user)
        except ValidationError as error:
            return _problem(request, error.messages[0], status=409)
        messages.success(request, _("Your council can now see your budget and spending."))
        return redirect("budgets:overview")
    return _render(request, "budgets/sharing.html", data)


@login_required
@require_GET
def receipt(request, pk):
    person = _holder(request)
    entry = Entry.objects.filter(pk=pk, budget__person=person).exclude(receipt="").select_related("budget").first()
    if entry is None:
        raise Http404
    if acting.acting_for_someone(request):
        services.record_look(entry.budget, request.user, Look.Role.HELPER, Look.What.RECEIPT)
    return _file(entry)


def _file(entry):
    try:
        handle = entry.receipt.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=entry.receipt.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Council finance -------------------------------------------------------------------------------------------


def _officer(request):
    if services.officer_council(request.user) is None:
        raise Http404
    return request.user


def _shared_budget(request, pk):
    _officer(request)
    try:
        return services.budget_for_officer(request.user, pk)
    except PermissionDenied:
        raise Http404 from None


@login_required
@require_GET
def council(request):
    officer = _officer(request)
    council_code = services.officer_council(officer)
    rows = monitoring.rows(services.shared_with_officer(officer))
    return render(
        request,
        "budgets/council.html",
        {
            "rows": rows,
            "council_name": councils.name(council_code),
            "flagged": sum(row.flagged for row in rows),
            "inactive_label": monitoring.inactive_label(),
        },
    )


@login_required
@require_GET
def council_ledger(request, pk):
    budget = _shared_budget(request, pk)
    version = budget.current
    services.record_look(budget, request.user, Look.Role.COUNCIL_FINANCE, Look.What.LEDGER)
    data = {"budget": budget, "version": version, "person": budget.person}
    if version is not None:
        data.update(_ledger_context(budget, version, _period_index(request, version)))
    return render(request, "budgets/council_ledger.html", data)


def _return_for_officer(request, pk):
    """The ledger, version and period of a return this officer may download (the download is logged as a look)."""
    budget = _shared_budget(request, pk)
    version = budget.current
    if version is None:
        raise Http404
    span = monitoring.span_for(version, _period_index(request, version))
    services.record_look(budget, request.user, Look.Role.COUNCIL_FINANCE, Look.What.RETURN)
    return budget, version, span


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def council_return(request, pk):
    budget, version, span = _return_for_officer(request, pk)
    csv_text = monitoring.return_csv(budget, version, span)
    return _download(csv_text, "text/csv; charset=utf-8", monitoring.return_filename(budget, span))


@login_required
@require_GET
def council_return_pdf(request, pk):
    budget, version, span = _return_for_officer(request, pk)
    pdf_bytes = return_pdf.render(budget, version, span)
    return _download(pdf_bytes, "application/pdf", monitoring.return_filename(budget, span, "pdf"))


@login_required
@require_GET
def council_receipt(request, pk, entry_pk):
    budget = _shared_budget(request, pk)
    entry = Entry.objects.filter(pk=entry_pk, budget=budget).exclude(receipt="").first()
    if entry is None:
        raise Http404
    services.record_look(budget, request.user, Look.Role.COUNCIL_FINANCE, Look.What.RECEIPT)
    return _file(entry)
