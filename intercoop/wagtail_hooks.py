"""Registers the intercooperation tools' admin pieces and page sections (core.sections): one import per
part, each module registering its own hooks."""

from .admin import mentoring  # noqa: F401  (registers its hooks)
