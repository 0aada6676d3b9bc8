"""Placing cards on one line as near their wished positions as their order and gaps allow.

This is isotonic regression (pool adjacent violators) after removing the gaps: minimise the
weighted squared distance of every position to its wish, subject to each position being at
least a gap after the previous one. It is exact and linear-time, which makes it the workhorse
of the layered layout's coordinate sweeps and of the radial layout's rings.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["spread"]


def spread(
    wished: Sequence[float], gaps: Sequence[float], weights: Sequence[float] | None = None
) -> list[float]:
    """Positions in order, at least ``gaps[i]`` between item i and i + 1, nearest the wishes.

    Examples
    --------
    >>> spread([0.0, 0.0, 10.0], [4.0, 4.0])
    [-2.0, 2.0, 10.0]
    >>> spread([5.0, 0.0], [1.0])
    [2.0, 3.0]
    """
    count = len(wished)
    offsets = [0.0] * count
    for i in range(1, count):
        offsets[i] = offsets[i - 1] + gaps[i - 1]
    # Blocks of pooled items: total weight, weighted sum of shifted wishes, item count.
    totals: list[float] = []
    sums: list[float] = []
    sizes: list[int] = []
    for i in range(count):
        weight = 1.0 if weights is None else weights[i]
        totals.append(weight)
        sums.append(weight * (wished[i] - offsets[i]))
        sizes.append(1)
        while len(totals) > 1 and sums[-2] * totals[-1] > sums[-1] * totals[-2]:
            total, value, size = totals.pop(), sums.pop(), sizes.pop()
            totals[-1] += total
            sums[-1] += value
            sizes[-1] += size
    result: list[float] = []
    for total, value, size in zip(totals, sums, sizes, strict=True):
        level = value / total
        for _ in range(size):
            result.append(level + offsets[len(result)])
    return result
