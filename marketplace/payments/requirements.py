"""What Stripe still needs from a supplier, in words they understand instead of Stripe's field names."""

from django.utils.translation import gettext_lazy as _

# (prefix or suffix test, words), checked in order; the first that matches a requirement id describes it.
_RULES = [
    (lambda r: r == "external_account", _("A bank account for payouts")),
    (lambda r: r.startswith("tos_acceptance"), _("Accepting Stripe’s terms of service")),
    (lambda r: ".verification" in r, _("Proof of identity (a photo of an ID document)")),
    (lambda r: ".dob." in r or r.endswith(".dob"), _("Date of birth")),
    (lambda r: ".address" in r, _("An address")),
    (lambda r: r.endswith(("first_name", "last_name")), _("A full name")),
    (lambda r: r.endswith("email"), _("An email address")),
    (lambda r: r.endswith("phone"), _("A phone number")),
    (lambda r: r.endswith(("id_number", "ssn_last_4")), _("A National Insurance or tax reference")),
    (lambda r: r.startswith("business_profile"), _("What the business does (a short description or a website)")),
    (
        lambda r: r.startswith(("representative", "owners", "directors", "executives", "person_", "relationship")),
        _("Details of the people who own or run the organisation"),
    ),
    (lambda r: r.startswith("company"), _("The organisation’s details (registered name, number, address)")),
]
_OTHER = _("Other details Stripe asks for")


def describe(requirement_ids):
    """Plain sentences for Stripe's requirement ids, each once, in Stripe's order."""
    described = []
    for requirement in requirement_ids:
        words = next((words for test, words in _RULES if test(requirement)), _OTHER)
        if words not in described:
            described.append(words)
    return [str(words) for words in described]
