from .geography import District, Neighbourhood
from .initiatives import Evaluation, Initiative, InitiativeLink
from .proposals import Proposal
from .taxonomy import EssFamily, LayerTag, Sector

__all__ = [
    "District",
    "EssFamily",
    "Evaluation",
    "Initiative",
    "InitiativeLink",
    "LayerTag",
    "Neighbourhood",
    "Proposal",
    "Sector",
]
