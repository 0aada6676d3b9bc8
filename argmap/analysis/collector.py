"""Pausing Python's cyclic garbage collector around a burst of short-lived allocations.

Evaluating a large map builds tens of thousands of small tuples, lists and dicts. Each
allocation counts towards the collector's thresholds, and every so often a full collection
walks *every* live container object, including the whole map being evaluated and, in the
editor, every Qt wrapper. At 5,000 nodes those walks took a third of the evaluation's median
time (78 ms with the collector, 53 ms without, same run) while finding nothing to free:
evaluation makes no reference cycles that outlive it. Reference counting still frees
everything as usual while paused; any cycle is found at the next collection after the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, restoring its previous state after.

    Nested use is safe: only the outermost pause turns the collector back on.

    Examples
    --------
    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
