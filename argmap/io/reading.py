"""Reading a foreign file as text, with the same clear refusals the native loader gives."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap.io.errors import FileFormatError
from argmap.io.json_text import loads_json

#: Interchange files larger than this are refused (the same 200 MB as native maps).
MAX_FILE_BYTES = 200_000_000
_CHUNK = 1 << 20


def read_bytes(path: str | Path, limit: int = MAX_FILE_BYTES, kind: str = "") -> bytes:
    """The file's bytes, or a :class:`FileFormatError` saying why they cannot be had.

    The limit holds for the bytes actually read, not the size the file reports: a device
    (``/dev/zero``) or a pipe reports none and would otherwise be read until memory runs out.
    ``kind`` names the format in the message when the limit is the format's own (``"Kialo"``).
    """
    file = Path(path)
    if file.is_dir():
        raise FileFormatError(file, "is a folder, not a file")
    try:
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise FileFormatError(file, _too_big(size, limit, kind))
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = handle.read(min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    if total > limit:
        raise FileFormatError(file, _too_big(None, limit, kind))
    return b"".join(chunks)


def _too_big(size: int | None, limit: int, kind: str = "") -> str:
    most = f"the {_amount(limit)} argmap imports" + (f" as {kind}" if kind else "")
    if size is None:  # a pipe or a device: its size is only known by reading
        return f"file is longer than {most} (stopped reading there)"
    return f"file is {_amount(size)}, more than {most}"


def _amount(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 10**6 else f"{size:,} bytes"


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
