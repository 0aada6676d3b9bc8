"""Debate structure (no Qt): the motion and every statement's side, the speech order, the
flow sheet. Exports built on it (speech notes, blocks, Kialo) live in :mod:`argmap.io`;
the drawn ones (slides, flow sheet images) in :mod:`argmap.ui`."""
