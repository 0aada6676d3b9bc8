"""Size limits count the bytes actually read, and the slow readers refuse what they cannot do.

A device (``/dev/zero``) or a pipe reports no size, so a limit that trusts the reported size
read them until memory ran out. The message's figure is the README's (200 MB, not 210).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.io.argdown import MAX_ARGDOWN_BYTES, loads_argdown, read_argdown
from argmap.io.argdown_data import MAX_DEPTH
from argmap.io.errors import FileFormatError
from argmap.io.graphml import MAX_GRAPHML_BYTES, read_graphml
from argmap.io.kialo_read import MAX_KIALO_BYTES, read_kialo
from argmap.io.reading import MAX_FILE_BYTES, read_bytes


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(FileFormatError) as caught:
        read_bytes("/dev/zero", limit=10_000)
    assert "/dev/zero: file is longer than the 10,000 bytes argmap imports" in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_an_endless_pipe_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write_forever() -> None:
        try:
            with fifo.open("wb") as pipe:
                while not stop.is_set():
                    pipe.write(b"[" * 4096)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    try:
        with pytest.raises(FileFormatError, match="longer than"):
            read_bytes(fifo, limit=100_000)
    finally:
        stop.set()
        writer.join(timeout=5)
    assert not writer.is_alive()


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "exact.json"
    path.write_bytes(b"x" * 5000)
    assert read_bytes(path, limit=5000) == b"x" * 5000
    with pytest.raises(FileFormatError, match="file is 5,000 bytes, more than the 4,999 bytes"):
        read_bytes(path, limit=4999)


def test_a_too_large_file_is_refused_unread_with_the_readme_figure(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: nothing is written
        handle.truncate(250_000_000)
    assert MAX_FILE_BYTES == 200_000_000
    with pytest.raises(FileFormatError) as caught:
        read_bytes(path)
    assert str(caught.value).endswith("file is 250 MB, more than the 200 MB argmap imports")


def test_deeply_nested_argdown_data_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.argdown"
    path.write_text("# t\n\n[a]: hello {data: " + "[" * 450 + "]" * 450 + "}\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_argdown(path)
    message = str(caught.value)
    assert "line 3" in message and f"nested more than {MAX_DEPTH} levels deep" in message


def test_argdown_data_nested_a_little_is_still_read() -> None:
    result = loads_argdown("[a]: hello {data: " + "[" * 10 + "]" * 10 + "}\n")
    assert [node.text for node in result.map.nodes] == ["hello"]


def test_argdown_too_large_to_read_quickly_is_refused() -> None:
    data = b"[a]: hello\n" * (MAX_ARGDOWN_BYTES // 11 + 1)
    with pytest.raises(FileFormatError, match="more than the 20 MB argmap reads"):
        loads_argdown(data, origin="big.argdown")


@pytest.mark.parametrize(
    ("reader", "limit", "kind", "name"),
    [
        (read_kialo, MAX_KIALO_BYTES, "Kialo", "big.txt"),
        (read_graphml, MAX_GRAPHML_BYTES, "GraphML", "big.graphml"),
        (read_argdown, MAX_ARGDOWN_BYTES, "Argdown", "big.argdown"),
    ],
)
def test_slow_formats_refuse_large_files_unread(
    tmp_path: Path, reader: Callable[[Path], object], limit: int, kind: str, name: str
) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:  # sparse: nothing is written, nothing need be read
        handle.truncate(limit + 1)
    with pytest.raises(FileFormatError) as caught:
        reader(path)
    assert f"more than the {limit // 10**6} MB argmap imports as {kind}" in str(caught.value)
