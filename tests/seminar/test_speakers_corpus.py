"""On a real QT30 debate: the speakers become participants, authors of what they said."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io.aif import read_aif
from argmap.io.seminar_record import dumps_seminar

pytestmark = pytest.mark.corpus


def test_qt30_speakers_become_participants(shared_data: Path) -> None:
    path = shared_data / "aif" / "nodeset17921.json"
    if not path.is_file():
        pytest.skip("nodeset17921.json is not in the corpus")
    m = read_aif(path).map
    names = {p.name: p.id for p in m.participants}
    assert set(names) == {"Fiona Bruce", "Helle Thorning-Schmidt"}
    authored = [n.author for n in m.nodes if n.author]
    assert authored.count(names["Helle Thorning-Schmidt"]) > authored.count(names["Fiona Bruce"])
    record = dumps_seminar(m)
    assert "| Helle Thorning-Schmidt | speaker |" in record
