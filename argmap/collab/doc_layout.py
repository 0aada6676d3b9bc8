"""How a map lives in a Y document (the shared document's layout, version 1).

Top-level shared types, all Y Maps, so that any Yjs client can read and write them:

``map``
    The map's own fields: ``title``, ``description`` (strings), ``positions`` (the list of
    stances, as in the file), ``debate`` (as in the file), ``layout_settings``
    (``algorithm``, ``direction``, ``pinned``, ``collapsed``) and ``layout_version`` (1).
``sources``, ``nodes``, ``relations``, ``participants``
    Keyed by id; each value is a Y Map of the item's fields whose plain values validate as
    the pydantic model (:class:`~argmap.model.SourceDocument`, :class:`~argmap.model.Node`,
    :class:`~argmap.model.Relation`, :class:`~argmap.model.Participant`). Two people editing
    different fields of one card both keep their edit.
``layout``
    Keyed by node id: ``{"x": float, "y": float}``, the card's centre.
``order``
    Keyed by ``"<collection>/<id>"``: a number; items are listed by (number, id), which keeps
    the file's order and gives concurrent additions one order on every client.
"""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map
from pydantic import BaseModel

from argmap.model import Node, Participant, Relation, SourceDocument

#: The version of this layout; clients refuse a document whose ``map.layout_version`` is newer.
LAYOUT_VERSION = 1

META = "map"
SOURCES = "sources"
NODES = "nodes"
RELATIONS = "relations"
PARTICIPANTS = "participants"
LAYOUT = "layout"
ORDER = "order"

#: The keyed collections and the model each value validates as, in file order.
COLLECTIONS: dict[str, type[BaseModel]] = {
    SOURCES: SourceDocument,
    NODES: Node,
    RELATIONS: Relation,
    PARTICIPANTS: Participant,
}

#: The map fields kept as whole values under ``map``.
META_FIELDS = ("title", "description", "positions", "debate", "layout_settings")
LAYOUT_SETTINGS = ("algorithm", "direction", "pinned", "collapsed")

ROOT_NAMES = (META, *COLLECTIONS, LAYOUT, ORDER)


def keys(shared: Map[Any]) -> list[str]:
    """The keys of a Y Map (a list, typed)."""
    return [str(key) for key in shared.keys()]  # noqa: SIM118 (pycrdt types __iter__ oddly)


def root(doc: Doc[Any], name: str) -> Map[Any]:
    """The top-level Y Map ``name`` of a shared map document."""
    shared: Map[Any] = doc.get(name, type=Map)
    return shared


def roots(doc: Doc[Any]) -> list[Map[Any]]:
    """Every top-level Y Map of the layout (the scopes an undo manager tracks)."""
    return [root(doc, name) for name in ROOT_NAMES]


def order_key(collection: str, item_id: str) -> str:
    return f"{collection}/{item_id}"


def plain(value: Any) -> Any:
    """A value read from the document as plain Python (nested Y Maps to dicts)."""
    if isinstance(value, Map):
        return value.to_py()
    return value
