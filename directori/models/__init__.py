from .geography import District, Neighbourhood
from .imports import ImportedRow, ImportJob, ImportLock
from .initiatives import Evaluation, Initiative, InitiativeLink
from .needs import NeedWord
from .proposals import Proposal
from .taxonomy import EssFamily, LayerTag, Sector

__all__ = [
    "District",
    "EssFamily",
    "Evaluation",
    "ImportJob",
    "ImportLock",
    "ImportedRow",
    "Initiative",
    "InitiativeLink",
    "LayerTag",
    "NeedWord",
    "Neighbourhood",
    "Proposal",
    "Sector",
]
