"""Reading a foreign file as text, with the same clear refusals the native loader gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.io.errors import FileFormatError
from argmap.io.json_text import loads_json

#: Interchange files larger than this are refused before they are read.
MAX_FILE_BYTES = 200 * 1024 * 1024


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or a :class:`FileFormatError` saying why they cannot be had."""
    file = Path(path)
    if file.is_dir():
        raise FileFormatError(file, "is a folder, not a file")
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(
                file,
                f"file is {size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB "
                "argmap imports",
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None


def decode_text(data: bytes | str, origin: str | Path | None) -> str:
    """UTF-8 text (a leading byte-order mark is dropped); empty files are refused."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileFormatError(
                origin, f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})"
            ) from None
    else:
        text = data
    if not text.strip():
        raise FileFormatError(origin, "the file is empty")
    return text


def parse_json(data: bytes | str, origin: str | Path | None) -> Any:
    """The JSON document in ``data``; broken JSON is reported with its line and column."""
    return loads_json(decode_text(data, origin), origin)
