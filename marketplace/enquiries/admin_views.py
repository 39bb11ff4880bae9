"""Editors' screen for enquiries: messages the automatic checks held, and conversations someone reported."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from marketplace.core.admin import AdminPage, forbidden
from reviews.checks import FLAG_LABELS

from . import services
from .models import Message, ThreadReport

MODERATE = "providers.moderate_listing"


class EnquiryQueueView(AdminPage):
    permission = MODERATE
    template_name = "enquiries/admin/queue.html"
    page_title = gettext_lazy("Enquiries")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        held = Message.objects.filter(status=Message.Status.HELD).select_related("enquiry__listing")[:100]
        reports = ThreadReport.objects.filter(status=ThreadReport.Status.OPEN).select_related("enquiry__listing")[:100]
        context.update(
            held=[{"message": message, "flags": [FLAG_LABELS.get(f, f) for f in message.flags]} for message in held],
            reports=reports,
        )
        return context


def waiting_count():
    held = Message.objects.filter(status=Message.Status.HELD).count()
    return held + ThreadReport.objects.filter(status=ThreadReport.Status.OPEN).count()


@require_POST
def message_action(request, pk, action):
    if not request.user.has_perm(MODERATE):
        return forbidden()
    message = get_object_or_404(Message, pk=pk)
    if action == "show":
        services.show_message(message, request.user)
        messages.success(request, _("The message is shown in the conversation."))
    elif action == "remove":
        services.remove_message(message, request.user)
        messages.success(request, _("The message is removed."))
    else:
        raise Http404
    return redirect("enquiries_admin:queue")


@require_POST
def close_report(request, pk):
    if not request.user.has_perm(MODERATE):
        return forbidden()
    report = get_object_or_404(ThreadReport, pk=pk, status=ThreadReport.Status.OPEN)
    report.status, report.decided_by, report.decided_at = ThreadReport.Status.CLOSED, request.user, timezone.now()
    report.decision_note = request.POST.get("note", "")[:2000]
    report.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    messages.success(request, _("The report is closed."))
    return redirect("enquiries_admin:queue")


def queue(request):
    return EnquiryQueueView.as_view()(request)
