"""Seminars: several people on one map (who made what, who holds what), compare and merge.

Pure Python like the rest of the core: Qt lives in :mod:`argmap.ui.seminar`.
"""
