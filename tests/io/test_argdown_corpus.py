"""Every Argdown example of the shared corpus imports with its statements, arguments and
relations all present: titles and relation lines are found here by plain pattern matching,
independently of argmap's parser, and each must have its counterpart in the map."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.io.argdown import read_argdown
from argmap.io.argdown_parse import parse_argdown
from argmap.io.argdown_text import slug
from argmap.model import RelationKind

pytestmark = pytest.mark.corpus

_FILES = [
    "argdown-primer.argdown",
    "state-censorship.argdown",
    "legalisation-softdrugs.argdown",
    "greenspan-schefczyk_hardwrap.argdown",
    "semmelweis_betz.argdown",
    "Populism-Core-Argument-Argdown-Example.argdown",
]
_RELATION_LINE = re.compile(r"^[ \t]*(<\+|\+>|<-|->|<_|_>|><|\+|-|_)[ \t]+\S", re.MULTILINE)


def _without_comments(text: str) -> str:
    text = re.sub(r"\A\s*===.*?\n===[ \t]*\n", "\n", text, flags=re.DOTALL)
    text = re.sub(r"/\*.*?\*/|<!--.*?-->", " ", text, flags=re.DOTALL)
    return re.sub(r"(^|\s)//[^\n]*", r"\1", text)


def _path(shared_data: Path, name: str) -> Path:
    path = shared_data / "argdown" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    return path


@pytest.mark.parametrize("name", _FILES)
def test_every_title_has_its_counterpart(shared_data: Path, name: str) -> None:
    text = _without_comments(_path(shared_data, name).read_text(encoding="utf-8"))
    text = re.sub(r"\{[^{}]*\}", " ", text)  # data such as {uses: [1, 2]}
    m = read_argdown(_path(shared_data, name)).map
    node_ids = {n.id for n in m.nodes}
    relation_ids = {r.id for r in m.relations}
    statements = {" ".join(t.split()) for t in re.findall(r"(?<!@)\[([^\]\n]+)\](?!\()", text)}
    arguments = {" ".join(t.split()) for t in re.findall(r"(?<!@)<([^<>\n]+)>", text)}
    assert statements and arguments
    assert {t for t in statements if slug(t) not in node_ids} == set()
    assert {t for t in arguments if slug(t) not in node_ids | relation_ids} == set()


@pytest.mark.parametrize("name", _FILES)
def test_every_relation_line_is_read_and_mapped(shared_data: Path, name: str) -> None:
    path = _path(shared_data, name)
    text = path.read_text(encoding="utf-8")
    document = parse_argdown(text)
    assert len(document.relations) == len(_RELATION_LINE.findall(_without_comments(text)))
    result = read_argdown(path)
    steps = sum(len(a.steps) for a in document.arguments.values())
    contradictions = sum(s.kind == "contradiction" for s in document.relations)
    merged = sum(
        int(match)
        for line in result.summary
        for match in re.findall(r"^(\d+) relations? (?:repeating|appearing|relating)", line)
    )
    expected = steps + len(document.relations) + contradictions - merged
    assert len(result.map.relations) == expected


def test_state_censorship_in_detail(shared_data: Path) -> None:
    m = read_argdown(_path(shared_data, "state-censorship.argdown")).map
    relations = {r.id: r for r in m.relations}
    assert m.title == "Censorship from the State"
    freedom = relations["argument-from-freedom-of-speech"]
    assert freedom.premises[0] == "absolute-freedom-of-speech"
    assert len(freedom.premises) == 3
    assert freedom.notes.startswith("Censorship is wrong in principle. In a free")
    assert "Inference rule: Specification, Modus ponens" in freedom.notes
    hatred = relations["argument-from-racial-hatred"]
    assert (hatred.premises[0], hatred.target) == ("irc-legislation", "censorship")
    texts = {n.id: n.text for n in m.nodes}
    attacks = {
        (texts[r.premises[0]][:40], r.target) for r in m.relations if r.kind == RelationKind.ATTACK
    }
    assert attacks == {
        ("Censorship is wrong in principle.", "censorship"),
        ("Freedom of speech is not an absolute rig", "absolute-freedom-of-speech"),
        ("Legislation against incitement to racial", "irc-legislation"),
        ("The consumption of violent video does no", "causal-link"),
    }
    debate = relations["importance-of-inclusive-public-debate"]
    first_step = relations["importance-of-inclusive-public-debate-step-1"]
    assert debate.premises[0] == first_step.target  # the intermediate conclusion


def test_legalisation_undercuts(shared_data: Path) -> None:
    m = read_argdown(_path(shared_data, "legalisation-softdrugs.argdown")).map
    relations = m.relation_index()
    poor = next(r for r in m.relations if r.premises == ["poor-reason"])
    analogy = relations[poor.target]
    assert (analogy.premises, analogy.target) == (
        ["alcohol-and-tobacco-analogy"],
        "legalisation-of-soft-drugs",
    )
    addiction = next(r for r in m.relations if r.premises == ["addiction-no-reason-to-ban"])
    assert relations[addiction.target].premises == ["argument-from-addiction"]
