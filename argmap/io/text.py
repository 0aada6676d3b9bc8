"""Reading a source document (plain text or Markdown) for a new map, from the CLI or the editor."""

from __future__ import annotations

from pathlib import Path

from argmap.io.errors import FileFormatError

#: A source text larger than this is surely not a document to map by hand.
MAX_TEXT_BYTES = 20 * 1024 * 1024


def read_source_text(path: str | Path) -> str:
    """The file as UTF-8 text (a BOM dropped, line ends made ``\\n`` so offsets are stable).

    Reads at most :data:`MAX_TEXT_BYTES` plus one byte, so a huge file is refused unread.
    """
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except IsADirectoryError:
        raise FileFormatError(file, "is a folder, not a text file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise FileFormatError(file, f"larger than {MAX_TEXT_BYTES // 2**20} MB; is it a text?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            file,
            f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
            "save it as UTF-8 and try again",
        ) from None
    if not text.strip():
        raise FileFormatError(file, "the text is empty")
    # Anchors are character offsets: one kind of line end keeps them the same everywhere.
    return text.replace("\r\n", "\n").replace("\r", "\n")
