"""What every page needs to say whose behalf the signed-in helper is on (the banner in base.html) and whether to offer
the "Act for someone" link in the header."""

from . import context
from .models import Arrangement


def acting(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    helped = {}

    def helps_someone():
        # Asked only by templates that show the header link; counted once per page.
        if "value" not in helped:
            helped["value"] = Arrangement.objects.in_force().filter(helper=user).exists()
        return helped["value"]

    return {"acting_for": context.arrangement(request), "acting_helps_someone": helps_someone}
