"""Editors' queues for enquiries, as Wagtail listing views: messages the automatic checks held, and conversations
someone reported. Decisions are POSTs that call `marketplace.enquiries.services`."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn

from marketplace.core.admin import QueueFilterSet, QueueView, TemplateColumn, forbidden
from reviews.checks import FLAG_LABELS

from . import services
from .models import Message, ThreadReport

MODERATE = "providers.moderate_listing"


class HeldMessageFilters(QueueFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Show"),
        choices=[
            (Message.Status.HELD, gettext_lazy("Waiting for an editor")),
            (Message.Status.SHOWN, gettext_lazy("Shown after a check")),
            (Message.Status.REMOVED, gettext_lazy("Removed")),
        ],
        empty_label=None,
        initial=Message.Status.HELD,
        method="filter_status",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Message
        fields = []

    def filter_status(self, queryset, name, value):
        if value == Message.Status.HELD:
            return queryset.filter(status=value)
        # Shown messages that never needed an editor are not editors' business.
        return queryset.filter(status=value, decided_at__isnull=False)


class ReportFilters(QueueFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Show"),
        choices=ThreadReport.Status.choices,
        empty_label=None,
        initial=ThreadReport.Status.OPEN,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ThreadReport
        fields = []


def _flag_labels(message):
    return [FLAG_LABELS.get(flag, flag) for flag in message.flags]


LISTING = Column("listing", label=gettext_lazy("Listing"), accessor="enquiry.listing.title")


class HeldMessageQueueView(QueueView):
    permission = MODERATE
    model = Message
    page_title = gettext_lazy("Enquiry messages")
    header_icon = "mail"
    index_url_name = "enquiries_admin:queue"
    index_results_url_name = "enquiries_admin:queue_results"
    filterset_class = HeldMessageFilters
    default_ordering = ("created_at", "pk")
    caption = gettext_lazy("Messages held by the automatic checks")
    empty_message = gettext_lazy("No messages are waiting.")
    columns = [
        LISTING,
        TemplateColumn("body", "enquiries/admin/cells/body.html", label=gettext_lazy("Message")),
        TemplateColumn(
            "why", "enquiries/admin/cells/flags.html", label=gettext_lazy("Why it is here"), accessor=_flag_labels
        ),
        DateColumn("created_at", label=gettext_lazy("Sent")),
        TemplateColumn("decision", "enquiries/admin/cells/message_decision.html", label=gettext_lazy("Decision")),
    ]

    def get_base_queryset(self):
        return Message.objects.select_related("enquiry__listing")


class ReportQueueView(QueueView):
    permission = MODERATE
    model = ThreadReport
    page_title = gettext_lazy("Reported conversations")
    header_icon = "warning"
    index_url_name = "enquiries_admin:reports"
    index_results_url_name = "enquiries_admin:reports_results"
    filterset_class = ReportFilters
    default_ordering = ("created_at", "pk")
    caption = gettext_lazy("Conversations someone reported")
    empty_message = gettext_lazy("No conversations are reported.")
    columns = [
        LISTING,
        Column("side", label=gettext_lazy("Reported by"), accessor="get_side_display"),
        TemplateColumn("reason", "enquiries/admin/cells/body.html", label=gettext_lazy("What is wrong")),
        DateColumn("created_at", label=gettext_lazy("Reported")),
        TemplateColumn("decision", "enquiries/admin/cells/report_decision.html", label=gettext_lazy("Decision")),
    ]

    def get_base_queryset(self):
        return ThreadReport.objects.select_related("enquiry__listing")


def held_count():
    return Message.objects.filter(status=Message.Status.HELD).count()


def open_report_count():
    return ThreadReport.objects.filter(status=ThreadReport.Status.OPEN).count()


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
    report = get_object_or_404(ThreadReport, pk=pk)
    try:
        services.close_report(report, request.user, request.POST.get("note", ""))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The report is closed."))
    return redirect("enquiries_admin:reports")
