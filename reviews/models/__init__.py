from .eligibility import PeerGroup, PeerGroupMember, ReviewInvitation
from .reviews import Endorsement, ProviderReply, Review, ReviewReport
from .stamps import QualityStamp, StampAward

__all__ = [
    "Endorsement",
    "PeerGroup",
    "PeerGroupMember",
    "ProviderReply",
    "QualityStamp",
    "Review",
    "ReviewInvitation",
    "ReviewReport",
    "StampAward",
]
