from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def account_dashboard(request):
    return render(request, "account/dashboard.html")
