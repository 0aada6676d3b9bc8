"""A map to its shared document and back, losslessly (see :mod:`argmap.collab.doc_layout`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Map
from pydantic import BaseModel, ValidationError

from argmap.collab.doc_layout import (
    COLLECTIONS,
    LAYOUT,
    LAYOUT_SETTINGS,
    LAYOUT_VERSION,
    META,
    META_FIELDS,
    ORDER,
    keys,
    order_key,
    plain,
    root,
)
from argmap.collab.repair import repair
from argmap.model import ArgmapError, ArgumentMap, Debate, MapLayout, Point, Position


class SharedDocError(ArgmapError):
    """A shared document this version cannot read (a newer layout)."""


def dump(item: BaseModel) -> dict[str, Any]:
    """An item's fields as the document stores them (JSON values)."""
    return item.model_dump(mode="json")


def ident(item: BaseModel) -> str:
    """The id of a source, node, relation or participant."""
    value: str = vars(item)["id"]
    return value


def items(argument_map: ArgumentMap, collection: str) -> list[BaseModel]:
    found: list[BaseModel] = getattr(argument_map, collection)
    return found


def meta_value(argument_map: ArgumentMap, name: str) -> Any:
    """The value of one ``map`` field of the layout for this map."""
    if name == "positions":
        return [dump(position) for position in argument_map.positions]
    if name == "debate":
        return dump(argument_map.debate)
    if name == "layout_settings":
        layout = argument_map.layout.model_dump(mode="json")
        return {key: layout[key] for key in LAYOUT_SETTINGS}
    return getattr(argument_map, name)


def write_map(doc: Doc[Any], argument_map: ArgumentMap, origin: Any = None) -> None:
    """Fill ``doc`` with ``argument_map``, replacing whatever it held, in one transaction."""
    with doc.transaction(origin=origin):
        meta = root(doc, META)
        meta.clear()
        for name in META_FIELDS:
            meta[name] = meta_value(argument_map, name)
        meta["layout_version"] = LAYOUT_VERSION
        order = root(doc, ORDER)
        order.clear()
        for collection in COLLECTIONS:
            shared = root(doc, collection)
            shared.clear()
            for index, item in enumerate(items(argument_map, collection)):
                value = dump(item)
                shared[value["id"]] = Map(value)
                order[order_key(collection, value["id"])] = float(index)
        layout = root(doc, LAYOUT)
        layout.clear()
        for node_id, point in argument_map.layout.positions.items():
            layout[node_id] = {"x": point.x, "y": point.y}


@dataclass
class DocRead:
    """The map a document holds, and what had to be left out or repaired to make it valid."""

    argument_map: ArgumentMap
    problems: list[str] = field(default_factory=list)


def read_item(collection: str, value: Any) -> tuple[BaseModel | None, str]:
    """One item of a collection validated as its model, or ``None`` and why not."""
    try:
        return COLLECTIONS[collection].model_validate(plain(value)), ""
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return None, f"{where}: {first['msg']}" if where else str(first["msg"])


def sorted_ids(doc: Doc[Any], collection: str, ids: list[str]) -> list[str]:
    order = root(doc, ORDER)
    return sorted(
        ids, key=lambda item_id: (_number(order.get(order_key(collection, item_id))), item_id)
    )


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else float("inf")


def read_point(value: Any) -> Point | None:
    value = plain(value)
    try:
        return Point.model_validate(value)
    except ValidationError:
        return None


def doc_to_map(doc: Doc[Any]) -> DocRead:
    """The map ``doc`` holds: invalid items left out and the result repaired, with reasons."""
    meta = root(doc, META)
    version = meta.get("layout_version", LAYOUT_VERSION)
    if isinstance(version, int | float) and version > LAYOUT_VERSION:
        raise SharedDocError(
            f"the shared map uses document layout {int(version)}; this argmap reads up to "
            f"{LAYOUT_VERSION}: update argmap"
        )
    problems: list[str] = []
    argument_map = ArgumentMap()
    for collection in COLLECTIONS:
        shared = root(doc, collection)
        values = {item_id: shared[item_id] for item_id in keys(shared)}
        found: list[BaseModel] = []
        for item_id in sorted_ids(doc, collection, list(values)):
            item, why = read_item(collection, values[item_id])
            if item is None:
                problems.append(f"{collection} {item_id!r} left out: {why}")
            else:
                found.append(item)
        setattr(argument_map, collection, found)
    read_meta(argument_map, {name: meta.get(name) for name in META_FIELDS}, problems)
    layout = root(doc, LAYOUT)
    for node_id in sorted(keys(layout)):
        point = read_point(layout[node_id])
        if point is not None:
            argument_map.layout.positions[node_id] = point
    problems += repair(argument_map)
    return DocRead(argument_map, problems)


def read_meta(argument_map: ArgumentMap, values: dict[str, Any], problems: list[str]) -> None:
    """Set the map's own fields from their document values; a bad value keeps the default."""
    for name in ("title", "description"):
        if isinstance(values.get(name), str):
            setattr(argument_map, name, values[name])
    try:
        argument_map.positions = [
            Position.model_validate(plain(p)) for p in plain(values.get("positions")) or []
        ]
        argument_map.debate = Debate.model_validate(plain(values.get("debate")) or {})
        settings = plain(values.get("layout_settings")) or {}
        argument_map.layout = MapLayout.model_validate(
            {**settings, "positions": argument_map.layout.positions}
        )
    except (ValidationError, TypeError) as exc:
        problems.append(f"map fields partly unreadable: {exc.__class__.__name__}")
