from .pages import (
    CoordinationTablePage,
    NewsAttachment,
    ProjectLocation,
    ProjectParticipant,
    ProjectUpdate,
    SectorContact,
    SectorIndexPage,
    SectorMember,
    SectorNewsPage,
    SectorPage,
    TractorProjectPage,
)
from .strategy import Goal, StrategyLine

__all__ = [
    "CoordinationTablePage",
    "Goal",
    "NewsAttachment",
    "ProjectLocation",
    "ProjectParticipant",
    "ProjectUpdate",
    "SectorContact",
    "SectorIndexPage",
    "SectorMember",
    "SectorNewsPage",
    "SectorPage",
    "StrategyLine",
    "TractorProjectPage",
]
