"""Errors about files: each names the file, the place in it, and what was expected."""

from __future__ import annotations

from pathlib import Path

from argmap.model.errors import ArgmapError


class FileFormatError(ArgmapError):
    """A file could not be read as what it claims to be."""

    def __init__(self, path: str | Path | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.detail = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class FileWriteError(ArgmapError):
    """A file could not be written; the previous file, if any, is left as it was."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.detail = message
        super().__init__(f"{self.path}: {message}")
