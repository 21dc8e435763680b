from .accounts import AccessLink, Membership, ModerationAction, Space
from .agreements import Agreement
from .mentoring import Meeting, MentoringRequest, MentorOffer, Pairing, Topic
from .posts import ContactMessage, Post

__all__ = [
    "AccessLink",
    "Agreement",
    "ContactMessage",
    "Meeting",
    "Membership",
    "MentorOffer",
    "MentoringRequest",
    "ModerationAction",
    "Pairing",
    "Post",
    "Space",
    "Topic",
]
