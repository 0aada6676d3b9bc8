"""pydantic's validation errors as one line a user can act on: where, and what is wrong."""

from __future__ import annotations

from pydantic import ValidationError


def first_error(exc: ValidationError) -> str:
    """``sources[0].text: Input should be a valid string (and 2 more)``."""
    errors = exc.errors()
    if not errors:
        return str(exc).splitlines()[0]
    first = errors[0]
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    place = f"{path.lstrip('.')}: " if path else ""
    return f"{place}{first['msg']}{more}"
