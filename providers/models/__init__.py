from .listings import AvailabilitySlot, Listing, ListingChange, ListingPhoto, ModerationDecision, RateCardItem
from .organisations import Invitation, Organisation, PersonalAssistant
from .suppliers import Membership, Supplier
from .taxonomy import CouncilArea, FundingOption, Language, Need, ServiceType
from .verification import Verification

__all__ = [
    "AvailabilitySlot",
    "CouncilArea",
    "FundingOption",
    "Invitation",
    "Language",
    "Listing",
    "ListingChange",
    "ListingPhoto",
    "Membership",
    "ModerationDecision",
    "Need",
    "Organisation",
    "PersonalAssistant",
    "RateCardItem",
    "ServiceType",
    "Supplier",
    "Verification",
]
