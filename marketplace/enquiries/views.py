"""Enquiry pages: send one from a listing, the thread for both sides, the person's list and the supplier's inbox.

Who may see a thread: the person it is for (or someone acting for them whose arrangement includes reading messages)
and the people who act for the supplier. Anyone else gets a 404, as for a thread that does not exist. Bad input
answers 400 (429 past a limit) and saves nothing.
"""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.acting import context as acting
from marketplace.acting.models import Scope
from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list
from marketplace.core.permissions import acts_for
from providers.models import Listing, Supplier

from . import services, thread_sections
from .forms import EnquiryForm, MessageForm, ReportForm
from .models import Enquiry, Message

PER_PAGE = 25


def _public_listing(slug):
    return get_object_or_404(Listing.objects.publicly_visible().select_related("supplier"), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def new(request, slug):
    """Send an enquiry about a listing: for yourself, or for the person you are acting for."""
    listing = _public_listing(slug)
    acting.require(request, Scope.ENQUIRE)
    person = acting.principal(request)
    easy = request.GET.get("easy") == "1" or request.POST.get("easy") == "1"
    initial = {"area": request.GET.get("where", "")[:60]} if request.method == "GET" else None
    form = EnquiryForm(request.POST or None, initial=initial, listing=listing)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                enquiry = services.send_enquiry(person, listing, form.request(), request.user)
            except ValidationError as error:
                form.add_error(None, error)
                status = ratelimits.error_status(error)
            else:
                acting.record(
                    request,
                    Scope.ENQUIRE,
                    gettext_lazy("Sent an enquiry about “%(title)s”"),
                    reverse("enquiries:thread", args=[enquiry.pk]),
                    title=listing.title,
                )
                flash.success(request, _("Your enquiry is sent. We will email you when they reply."))
                return redirect("enquiries:thread", pk=enquiry.pk)
    context = {"listing": listing, "form": form, "errors": error_list(form), "easy": easy, "person": person}
    template = "enquiries/new_easy.html" if easy else "enquiries/new.html"
    return render(request, template, context, status=status)


def _thread_for(request, pk):
    """The enquiry and the side the signed-in user is on; 404 for anyone with no part in it."""
    enquiry = get_object_or_404(Enquiry.objects.select_related("listing", "supplier", "person"), pk=pk)
    principal = acting.principal(request)
    side = services.side_of(request.user, enquiry, principal)
    if side is None:
        raise Http404
    if side == services.PERSON and acting.acting_for_someone(request) and not acting.may(request, Scope.MESSAGES):
        raise Http404  # a helper never reads the person's messages unless the person chose that
    return enquiry, side


def _visible_messages(enquiry, side):
    """Shown messages, and this side's own held ones (marked as waiting)."""
    return enquiry.messages.filter(Q(status=Message.Status.SHOWN) | Q(side=side, status=Message.Status.HELD))


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, pk):
    enquiry, side = _thread_for(request, pk)
    form = MessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                message = services.reply(enquiry, side, request.user, form.cleaned_data["body"].strip())
            except ValidationError as error:
                form.add_error("body", error)
                status = ratelimits.error_status(error)
            else:
                if side == services.PERSON:
                    acting.record(
                        request, Scope.MESSAGES, gettext_lazy("Sent a message to %(name)s"), name=enquiry.supplier.name
                    )
                if message.status == Message.Status.HELD:
                    flash.info(
                        request,
                        _(
                            "Your message is waiting for an editor: it seems to contain contact details, a link or "
                            "words we check. Agree to share contact details first if you want to swap them."
                        ),
                    )
                else:
                    flash.success(request, _("Your message is sent."))
                return redirect(reverse("enquiries:thread", args=[enquiry.pk]) + "#latest")
    context = {
        "enquiry": enquiry,
        "side": side,
        "thread_messages": list(_visible_messages(enquiry, side).select_related("sender")),
        "form": form,
        "errors": error_list(form),
        "contact": services.contact_details(enquiry, side),
        "i_share": (
            enquiry.person_shares_contact_at if side == services.PERSON else enquiry.supplier_shares_contact_at
        ),
        "they_share": (
            enquiry.supplier_shares_contact_at if side == services.PERSON else enquiry.person_shares_contact_at
        ),
        "sections": thread_sections.sections(enquiry, request, side),
        "blocked": services.is_blocked(enquiry.person_id, enquiry.supplier_id),
    }
    return render(request, "enquiries/thread.html", context, status=status)


def _sharing(enquiry, side):
    mine, theirs = enquiry.person_shares_contact_at, enquiry.supplier_shares_contact_at
    if side == services.SUPPLIER:
        mine, theirs = theirs, mine
    return {"i_share": mine, "they_share": theirs}


@login_required
@require_POST
def share(request, pk):
    enquiry, side = _thread_for(request, pk)
    if request.POST.get("share") == "no":
        services.stop_sharing(enquiry, side)
        flash.success(request, _("Your contact details are private again."))
    else:
        enquiry = services.share_contact(enquiry, side)
        if enquiry.contact_shared:
            flash.success(request, _("You have both agreed: your contact details now show to each other."))
        else:
            flash.success(request, _("Thank you. Your contact details will show once they agree too."))
    return redirect("enquiries:thread", pk=enquiry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    enquiry, side = _thread_for(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report(enquiry, side, request.user, form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                flash.success(request, _("Thank you. An editor will look at this conversation."))
                return redirect("enquiries:thread", pk=enquiry.pk)
        return render(
            request, "enquiries/report.html", {"enquiry": enquiry, "form": form, "errors": error_list(form)}, status=400
        )
    return render(request, "enquiries/report.html", {"enquiry": enquiry, "form": form, "errors": error_list(form)})


@login_required
@require_http_methods(["GET", "POST"])
def block(request, pk):
    enquiry, side = _thread_for(request, pk)
    if request.method == "POST":
        if request.POST.get("unblock"):
            services.unblock(enquiry, side)
            flash.success(request, _("You have unblocked them."))
        else:
            services.block(enquiry, side, request.user)
            flash.success(request, _("You have blocked them. Neither of you can send the other anything here."))
        return redirect("enquiries:thread", pk=enquiry.pk)
    return render(request, "enquiries/block.html", {"enquiry": enquiry, "side": side})


def _with_counts(enquiries):
    return enquiries.select_related("listing", "supplier").annotate(
        message_count=Count("messages", filter=Q(messages__status=Message.Status.SHOWN))
    )


@login_required
def mine(request):
    """The enquiries of the person this request acts for."""
    acting.require(request, Scope.ENQUIRE)
    enquiries = _with_counts(Enquiry.objects.filter(person=acting.principal(request)))
    page = Paginator(enquiries, PER_PAGE).get_page(request.GET.get("page"))
    can_read = not acting.acting_for_someone(request) or acting.may(request, Scope.MESSAGES)
    return render(request, "enquiries/mine.html", {"page": page, "can_read": can_read})


@login_required
def supplier_inbox(request, pk):
    """A supplier's enquiries, newest activity first, for the people who act for it."""
    supplier = get_object_or_404(Supplier, pk=pk)
    if not acts_for(request.user, "providers.act_for_supplier", supplier):
        raise Http404
    enquiries = _with_counts(Enquiry.objects.filter(supplier=supplier)).prefetch_related(
        Prefetch("needs"), Prefetch("service_types")
    )
    page = Paginator(enquiries, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "enquiries/inbox.html",
        {"supplier": supplier, "page": page, "record": services.reply_record(supplier)},
    )
