from .geography import District, Neighbourhood
from .initiatives import Evaluation, Initiative, InitiativeLink
from .taxonomy import EssFamily, LayerTag, Sector

__all__ = [
    "District",
    "EssFamily",
    "Evaluation",
    "Initiative",
    "InitiativeLink",
    "LayerTag",
    "Neighbourhood",
    "Sector",
]
