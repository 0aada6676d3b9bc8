"""The interchange formats argmap reads and writes, for the command line and the editor.

One :class:`FileFormat` per format: its name (what ``--from``/``--to`` take), a label and the
file extensions for dialogs, and its reader and writer. Images are drawn by the UI layer, so
their formats have no writer here (``image=True``); callers hand them to
``argmap.ui.render.render_map``. :func:`infer_format` picks a format from a file name, and for
``.json`` from the content (AIF or not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.io.aif import looks_like_aif, read_aif, write_aif
from argmap.io.argdown import read_argdown, write_argdown
from argmap.io.blocks import write_blocks
from argmap.io.brief import write_brief
from argmap.io.errors import FileFormatError
from argmap.io.graphml import read_graphml, write_graphml
from argmap.io.import_result import ImportResult
from argmap.io.kialo_read import read_kialo
from argmap.io.kialo_write import write_kialo
from argmap.io.reading import parse_json, read_bytes
from argmap.io.seminar_record import write_seminar
from argmap.io.speech_notes import write_speech
from argmap.model import ArgmapError, ArgumentMap

__all__ = [
    "FORMATS",
    "FileFormat",
    "export_file",
    "export_formats",
    "file_filter",
    "get_format",
    "import_file",
    "import_formats",
    "infer_format",
]

Reader = Callable[[Path, bool], ImportResult]
Writer = Callable[[ArgumentMap, Path], None]


@dataclass(frozen=True)
class FileFormat:
    """A format: ``read(path, skip_broken)`` and/or ``write(map, path)``, or an image."""

    name: str
    label: str
    extensions: tuple[str, ...]
    read: Reader | None = None
    write: Writer | None = None
    image: bool = False

    @property
    def can_import(self) -> bool:
        return self.read is not None

    @property
    def can_export(self) -> bool:
        return self.write is not None or self.image


def _read_aif(path: Path, skip_broken: bool) -> ImportResult:
    return read_aif(path, skip_broken=skip_broken)


def _read_argdown(path: Path, skip_broken: bool) -> ImportResult:
    return read_argdown(path)


def _read_graphml(path: Path, skip_broken: bool) -> ImportResult:
    return read_graphml(path)


def _read_kialo(path: Path, skip_broken: bool) -> ImportResult:
    return read_kialo(path)


FORMATS: dict[str, FileFormat] = {
    f.name: f
    for f in (
        FileFormat("aif", "AIF JSON (OVA, AIFdb)", (".json", ".aif"), _read_aif, write_aif),
        FileFormat("argdown", "Argdown", (".argdown", ".ad"), _read_argdown, write_argdown),
        FileFormat("graphml", "GraphML (yEd, Gephi)", (".graphml",), _read_graphml, write_graphml),
        FileFormat("kialo", "Kialo discussion (text)", (".txt",), _read_kialo, write_kialo),
        FileFormat("markdown", "Debate brief (Markdown)", (".md", ".markdown"), None, write_brief),
        FileFormat("speech", "Speaking notes (Markdown)", (".md",), None, write_speech),
        FileFormat("blocks", "Blocks (Markdown)", (".md",), None, write_blocks),
        FileFormat("seminar", "Seminar record (Markdown)", (".md",), None, write_seminar),
        FileFormat("png", "PNG image", (".png",), image=True),
        FileFormat("svg", "SVG image", (".svg",), image=True),
        FileFormat("pdf", "PDF document", (".pdf",), image=True),
        FileFormat("flow", "Flow sheet (PDF, PNG, SVG)", (".pdf", ".png", ".svg"), image=True),
        FileFormat("slides", "Slides (PDF)", (".pdf",), image=True),
    )
}


def import_formats() -> list[FileFormat]:
    return [f for f in FORMATS.values() if f.can_import]


def export_formats() -> list[FileFormat]:
    return [f for f in FORMATS.values() if f.can_export]


def get_format(name: str, *, for_import: bool) -> FileFormat:
    """The format called ``name``, or an error listing those that exist for the direction."""
    usable = import_formats() if for_import else export_formats()
    found = FORMATS.get(name.lower())
    if found is None or found not in usable:
        names = ", ".join(f.name for f in usable)
        direction = "import from" if for_import else "export to"
        raise ArgmapError(f"cannot {direction} {name!r}: the formats are {names}")
    return found


def infer_format(path: str | Path, *, for_import: bool) -> FileFormat:
    """The format a file name says (and for an imported ``.json``, its content)."""
    file = Path(path)
    name = file.name.lower()
    if name.endswith(".argmap.json"):
        raise ArgmapError(
            f"{file}: that is argmap's own format; "
            + (
                "open it directly"
                if for_import
                else "the map file already is one (copy it), or name the output for another format"
            )
        )
    usable = import_formats() if for_import else export_formats()
    for candidate in usable:
        if any(name.endswith(ext) for ext in candidate.extensions):
            if candidate.name == "aif" and for_import:
                _check_aif(file)
            return candidate
    option = "--from" if for_import else "--to"
    names = ", ".join(f.name for f in usable)
    other = [f for f in FORMATS.values() if f not in usable and name.endswith(f.extensions)]
    if other and for_import:
        raise ArgmapError(
            f"{file}: argmap writes {other[0].label} ({file.suffix}) but cannot read it back; "
            f"it imports {names}"
        )
    known = ", ".join(dict.fromkeys(ext for f in usable for ext in f.extensions))
    raise ArgmapError(
        f"{file}: cannot tell the format from {file.suffix or 'a name without extension'} "
        f"(known: {known}); name it with {option} ({names})"
    )


def _check_aif(path: Path) -> None:
    document = parse_json(read_bytes(path), path)
    if isinstance(document, dict) and document.get("format") == "argmap":
        raise FileFormatError(path, "this is an argmap map, not AIF: open it directly")
    if not looks_like_aif(document):
        raise FileFormatError(
            path, 'this JSON is not AIF (expected "nodes" and "edges", or an "AIF" object)'
        )


def file_filter(formats: list[FileFormat]) -> str:
    """A file-dialog filter: ``"AIF JSON (OVA, AIFdb) (*.json);;Argdown (*.argdown *.ad)"``."""
    return ";;".join(f"{f.label} ({' '.join('*' + ext for ext in f.extensions)})" for f in formats)


def import_file(
    path: str | Path, format_name: str | None = None, *, skip_broken: bool = False
) -> ImportResult:
    """Import ``path`` in the named format, or the one its name and content say."""
    if format_name:
        fmt = get_format(format_name, for_import=True)
    else:
        fmt = infer_format(path, for_import=True)
    assert fmt.read is not None
    return fmt.read(Path(path), skip_broken)


def export_file(
    argument_map: ArgumentMap, path: str | Path, format_name: str | None = None
) -> FileFormat:
    """Write the map in the named format, or the one the file name says; returns the format.

    Images are refused here: ``argmap.ui.render.render_map`` draws them (Qt lives above io).
    """
    if format_name:
        fmt = get_format(format_name, for_import=False)
    else:
        fmt = infer_format(path, for_import=False)
    if fmt.write is None:
        raise ArgmapError(f"{path}: {fmt.label} is drawn by argmap.ui.render.render_map")
    fmt.write(argument_map, Path(path))
    return fmt
