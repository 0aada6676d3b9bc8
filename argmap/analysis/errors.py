"""Named errors of the analysis library: each says what is wrong and what to do instead."""

from __future__ import annotations

from argmap.model.errors import ArgmapError

__all__ = [
    "FrameworkError",
    "OutdatedError",
    "TooLargeError",
    "UnknownIdError",
    "UnknownSchemeError",
    "WhatIfError",
]


class FrameworkError(ArgmapError):
    """A map or a framework file cannot be read as an argumentation framework."""


class OutdatedError(ArgmapError):
    """An evaluation kept up to date edit by edit was asked about after it had moved on."""


class TooLargeError(ArgmapError):
    """Exact enumeration would pass its stated limit, so it stops instead of hanging."""


class UnknownIdError(ArgmapError):
    """An id given by the user (to explain, concede or reject) is not a node of the map."""


class UnknownSchemeError(ArgmapError):
    """A scheme or critical-question id that the catalogue does not hold."""


class WhatIfError(ArgmapError):
    """A what-if that cannot hold: the same statement both conceded and rejected."""
