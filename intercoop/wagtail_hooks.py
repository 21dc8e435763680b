"""Registers the intercooperation tools' admin pieces and page sections (core.sections): one import per
part, each module registering its own hooks."""

from .admin import bank  # noqa: F401  (the bank of collaborations: posts, hide / show again)
