"""The argument schemes a relation may follow, as the bundled scheme catalogue lists them."""

from __future__ import annotations

from argmap.analysis.schemes import catalogue

#: Scheme ids in catalogue order (the ids are fixed across the sample map and the catalogue).
SCHEME_IDS: tuple[str, ...] = tuple(s.id for s in catalogue().schemes)


def scheme_label(scheme_id: str) -> str:
    """The catalogue's name without its "Argument from" prefix; an unknown id made readable.

    ``"cause_to_effect"`` -> ``"Cause to effect"``; ``"practical_reasoning"`` ->
    ``"Practical reasoning"``; ``"rephrase"`` (not in the catalogue) -> ``"Rephrase"``.
    """
    found = catalogue().by_id().get(scheme_id)
    if found is None:
        return scheme_id.replace("_", " ").capitalize()
    name = found.name.removeprefix("Argument from ")
    return name[:1].upper() + name[1:]
