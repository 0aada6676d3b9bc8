"""What lies downstream of some items, as strongly connected components in dependency order.

An edit changes the inputs of a few items; everything that reads them, directly or through
others, may change too, and nothing else can. :func:`downstream_components` finds exactly that
part (Tarjan's algorithm, iterative, started from the changed items), grouped into strongly
connected components, each after every component it reads from. The part is closed under
"is read by", so a component it holds is a whole component of the map.

Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2),
1972 (components come out readers first; the list is reversed).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator

__all__ = ["downstream_components"]


def downstream_components(
    seeds: Iterable[str], readers: Callable[[str], Collection[str]]
) -> list[tuple[list[str], bool]]:
    """The components of everything reachable from ``seeds`` along ``readers``, inputs first.

    ``readers(item)`` lists the items whose values are computed from ``item``'s. Returns
    ``(members, cyclic)`` pairs; a component is cyclic when it has several members or an item
    reads itself.

    Examples
    --------
    >>> reads = {"a": ["b"], "b": ["c"], "c": ["b", "d"], "d": [], "x": ["a"]}
    >>> downstream_components(["a"], reads.__getitem__)
    [(['a'], False), (['c', 'b'], True), (['d'], False)]
    """
    number: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[list[str], bool]] = []
    for root in seeds:
        if root in number:
            continue
        number[root] = low[root] = len(number)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(readers(root)))]
        while work:
            item, following = work[-1]
            for reader in following:
                if reader not in number:
                    number[reader] = low[reader] = len(number)
                    stack.append(reader)
                    on_stack.add(reader)
                    work.append((reader, iter(readers(reader))))
                    break
                if reader in on_stack and number[reader] < low[item]:
                    low[item] = number[reader]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[item] < low[parent]:
                        low[parent] = low[item]
                if low[item] == number[item]:
                    members = [stack.pop()]
                    while members[-1] != item:
                        members.append(stack.pop())
                    on_stack.difference_update(members)
                    cyclic = len(members) > 1 or item in readers(item)
                    found.append((members, cyclic))
    found.reverse()
    return found
