"""The sector tables' models, one module per seam: the index of tables (`index`), a table with its work
plan and team (`table`), its tractor projects (`projects`) and news (`news`), the coordinated
multisector table (`coordination`), and the Strategy's lines and goals (`strategy`).

Tables are pages (editors write them, with revisions, previews, translations and moderation); the
initiatives that take part are directory records chosen from the directory, never copies.
"""

from .coordination import CoordinationTablePage
from .index import SectorIndexPage
from .news import NewsAttachment, SectorNewsPage
from .projects import ProjectLocation, ProjectParticipant, ProjectUpdate, TractorProjectPage
from .strategy import Goal, StrategyLine
from .table import SectorContact, SectorMember, SectorPage

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
