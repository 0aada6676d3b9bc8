"""Where the bundled resources live (the release, its map, the schema, the scheme catalogue)."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
SAMPLES_DIR = RESOURCES_DIR / "samples"
SCHEMA_DIR = RESOURCES_DIR / "schema"

#: The embedded default: the UK-France small boats release and its map.
DEFAULT_MAP = SAMPLES_DIR / "uk-france-small-boats.argmap.json"
DEFAULT_TEXT = SAMPLES_DIR / "uk-france-small-boats.txt"


def resource(*parts: str) -> Path:
    """Return the path of a bundled resource, with a clear error when it is missing."""
    path = RESOURCES_DIR.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"bundled resource {'/'.join(parts)} is missing (looked in {RESOURCES_DIR}); "
            "install argmap from its source tree with `pip install -e .`"
        )
    return path
