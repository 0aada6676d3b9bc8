"""The inspector panel and its sections (one file each)."""

from argmap.ui.inspector.panel import InspectorPanel

__all__ = ["InspectorPanel"]
