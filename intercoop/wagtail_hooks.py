"""Registers the intercooperation tools' admin pieces and page sections (core.sections): one import per
part, each module registering its own hooks."""

from . import agreement_sections  # noqa: F401  (agreement counts on strategy, sector and area pages)
from .admin import (
    accounts,  # noqa: F401  (the admin menu group, spaces, suspensions, page sections)
    bank,  # noqa: F401  (the bank of collaborations: posts, hide / show again)
    mentoring,  # noqa: F401  (suggested pairs and pairings)
)
