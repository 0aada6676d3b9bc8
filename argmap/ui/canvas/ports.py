"""Where arrows arrive on a card: spread along the side they reach, so heads do not pile up.

The layout's router decides it (:func:`argmap.layout.routing.arrival_ports`), so the canvas
and every export agree.
"""

from __future__ import annotations

from argmap.layout.routing import SPREAD, arrival_ports

__all__ = ["SPREAD", "arrival_ports"]
