"""Commands on the map itself: title, description, sources, participants, positions, debate."""

from __future__ import annotations

from typing import Any

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, EditError
from argmap.model import ArgumentMap, SourceDocument, text_sha256
from argmap.model.validation import anchor_problem


class SetMapFields(Command):
    """Set the title, the description, the sources, participants, positions or debate."""

    FIELDS = frozenset({"title", "description", "sources", "participants", "positions", "debate"})

    def __init__(self, label: str, **values: Any) -> None:
        unknown = set(values) - self.FIELDS
        if unknown:
            raise EditError(f"cannot edit map field(s) {', '.join(sorted(unknown))}")
        self.label = label
        self.values = values
        self._old: dict[str, Any] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        if "sources" in self.values:
            self._check_sources(argument_map, self.values["sources"])
        self._old = {name: getattr(argument_map, name) for name in self.values}
        for name, value in self.values.items():
            setattr(argument_map, name, list(value) if isinstance(value, list) else value)
        return [Change(ChangeKind.MAP_CHANGED, (), tuple(self.values))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._old is not None
        for name, value in self._old.items():
            setattr(argument_map, name, value)
        return [Change(ChangeKind.MAP_CHANGED, (), tuple(self.values))]

    @staticmethod
    def _check_sources(argument_map: ArgumentMap, sources: list[SourceDocument]) -> None:
        ids = [s.id for s in sources]
        if len(set(ids)) != len(ids):
            raise EditError("two sources share an id")
        taken = {n.id for n in argument_map.nodes} | {r.id for r in argument_map.relations}
        for source in sources:
            if source.id in taken:
                raise EditError(f"source id {source.id!r} is already used by a node or relation")
            if source.sha256 != text_sha256(source.text):
                raise EditError(f"source {source.id!r}: sha256 does not match its text")
        trial = argument_map.model_copy(update={"sources": list(sources)})
        for node in argument_map.nodes:
            for anchor in node.anchors:
                problem = anchor_problem(trial, anchor)
                if problem:
                    raise EditError(f"node {node.id!r} would lose its anchor: {problem}")


def set_title(title: str) -> SetMapFields:
    return SetMapFields("Set title", title=title)


def set_description(description: str) -> SetMapFields:
    return SetMapFields("Set description", description=description)


def add_source(argument_map: ArgumentMap, source: SourceDocument) -> SetMapFields:
    return SetMapFields("Add source", sources=[*argument_map.sources, source])


def remove_source(argument_map: ArgumentMap, source_id: str) -> SetMapFields:
    """Remove a source no anchor points into (applying refuses otherwise, naming the node)."""
    if not any(s.id == source_id for s in argument_map.sources):
        raise EditError(f"no source with id {source_id!r}")
    remaining = [s for s in argument_map.sources if s.id != source_id]
    return SetMapFields("Remove source", sources=remaining)
