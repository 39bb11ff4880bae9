"""Editors' screen for people acting for someone: find the arrangements of one address (as the person or the helper)
and end one at once, with a reason both people read. Nothing is listed until an editor asks about an address."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from marketplace.core.admin import AdminPage

from . import services
from .models import Arrangement

Status = Arrangement.Status
SHOWN = 50
MODERATE = "providers.moderate_listing"  # editors and moderators (providers.rules)


class FindForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address of the person or the helper"),
        required=False,
        error_messages={"invalid": gettext_lazy("Enter an email address in the correct format, like name@example.com")},
    )


class EndForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why are you ending it? Both people will read this."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say why you are ending it: both people will read this."),
            "max_length": gettext_lazy("Write %(limit_value)d characters or fewer"),
        },
    )


def _open():
    return Arrangement.objects.filter(status__in=[Status.INVITED, Status.ACTIVE]).select_related("person", "helper")


class ArrangementsView(AdminPage):
    permission = MODERATE
    template_name = "acting/admin/index.html"
    page_title = gettext_lazy("People acting for someone")
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        form = FindForm(request.GET or None)
        found = None
        if form.is_bound and form.is_valid() and form.cleaned_data["email"]:
            email = form.cleaned_data["email"]
            found = list(
                _open()
                .filter(
                    Q(person__email__iexact=email)
                    | Q(person__emailaddress__email__iexact=email)
                    | Q(helper__email__iexact=email)
                    | Q(helper__emailaddress__email__iexact=email)
                    | Q(invited_email__iexact=email)
                )
                .distinct()
                .order_by("-created_at")[:SHOWN]
            )
        status = 400 if form.is_bound and not form.is_valid() else 200
        return self.render_to_response(self.get_context_data(form=form, found=found), status=status)


class EndView(AdminPage):
    permission = MODERATE
    template_name = "acting/admin/end.html"
    page_title = gettext_lazy("End an arrangement")
    header_icon = "group"
    http_method_names = ["get", "post"]

    def get(self, request, pk):
        return self._page(get_object_or_404(_open(), pk=pk), EndForm())

    def post(self, request, pk):
        arrangement = get_object_or_404(_open(), pk=pk)
        form = EndForm(request.POST)
        if form.is_valid():
            try:
                services.end_by_editor(arrangement, request.user, form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                messages.success(request, _("The arrangement has ended. We have emailed both people."))
                return redirect("acting_admin:index")
        return self._page(arrangement, form, status=400)

    def _page(self, arrangement, form, status=200):
        context = self.get_context_data(arrangement=arrangement, form=form)
        return self.render_to_response(context, status=status)


def arrangements(request):
    return ArrangementsView.as_view()(request)


def end(request, pk):
    return EndView.as_view()(request, pk=pk)
