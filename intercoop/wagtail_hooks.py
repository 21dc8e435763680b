"""Registers the intercooperation tools' admin pieces and page sections (core.sections): one import per
part, each module registering its own hooks."""

from . import agreement_sections  # noqa: F401  (part D: agreement counts on strategy, sector and area pages)
from .admin import accounts  # noqa: F401 (registers its hooks: admin menu, views and page sections)
from .admin import mentoring  # noqa: F401  (registers its hooks)
