"""Speed on one core without changing results: sentence embeddings asked only when the term vectors cannot settle
a threshold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.compare.similarity import cosine
from bilateral.compare.stories import Item, at_least


def _item(key: str, text: str, terms: dict[str, float]) -> Item:
    return Item("event", key, key.split(":")[0], 0, len(text), text, terms, type="CONSULT")


class _Counting:
    """A bounded closeness whose costly part adds a fixed amount and counts how often it is asked."""

    def __init__(self, bonus: float) -> None:
        self.bonus = bonus
        self.asked = 0

    def __call__(self, a: Item, b: Item) -> float:
        self.asked += 1
        return cosine(a.terms, b.terms) + self.bonus

    def reaches(self, a: Item, b: Item, threshold: float) -> bool:
        return cosine(a.terms, b.terms) >= threshold or self(a, b) >= threshold


@pytest.mark.parametrize("threshold", [0.0, 0.05, 0.3, 0.6, 0.95])
def test_at_least_answers_as_the_full_closeness_does(threshold: float) -> None:
    a = _item("a:e1", "Lima and Santiago talk fish.", {"lima": 0.8, "fish": 0.6})
    b = _item("b:e1", "Santiago and Lima discuss fisheries.", {"lima": 0.6, "fisheries": 0.8})
    bounded = _Counting(bonus=0.2)
    assert at_least(bounded)(a, b, threshold) == (bounded(a, b) >= threshold)
    # a plain function (no `reaches`) is asked in full
    assert at_least(lambda x, y: bounded(x, y))(a, b, threshold) == (bounded(a, b) >= threshold)


def test_a_pair_whose_terms_reach_the_threshold_is_not_encoded() -> None:
    from bilateral.compare.embeddings import closeness, load_model

    model = load_model()
    if model is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")
    a = _item("a:e1", "Oslo and Copenhagen resumed their ferry talks.", {"oslo": 0.6, "ferry": 0.8})
    b = _item("b:e1", "Ferry talks between Oslo and Copenhagen resumed.", {"oslo": 0.6, "ferry": 0.8})
    c = _item("c:e1", "A storm closed the harbour for a week.", {"storm": 0.7, "harbour": 0.7})
    close = closeness([a, b, c], model)
    assert close.reaches(a, b, 0.3) and not close.embedded  # terms alone settle it
    assert close.reaches(a, c, 0.3) == (close(a, c) >= 0.3)
    assert set(close.embedded) == {a.evidence, c.evidence}
    assert close(a, b) >= cosine(a.terms, b.terms)


def _groups_of(pairs: list[tuple[int, int]]) -> set[frozenset[int]]:
    from bilateral.compare.stories import _components

    return set(_components(pairs))


def test_a_thread_asks_no_pair_whose_events_it_already_joined() -> None:
    from bilateral.compare.stories import _linking

    links = {(0, 1): True, (0, 2): True, (1, 2): True, (2, 3): False, (4, 5): True}
    by_terms = {(0, 1), (1, 2)}  # their term vectors alone reach the threshold
    asked: list[tuple[int, int]] = []

    def verdict(i: int, j: int) -> bool:
        asked.append((i, j))
        return links[(i, j)]

    pairs = _linking(list(links), lambda i, j: (i, j) in by_terms, verdict)
    assert _groups_of(pairs) == _groups_of([pair for pair, linked in links.items() if linked])
    assert (0, 2) not in asked  # 0 and 2 were joined through 1 by pairs the terms settle
    assert {(2, 3), (4, 5)} <= set(asked)  # pairs across groups are still asked


@given(st.dictionaries(st.tuples(st.integers(0, 7), st.integers(0, 7)), st.tuples(st.booleans(), st.booleans())))
def test_linking_joins_the_events_every_link_joins(drawn: dict[tuple[int, int], tuple[bool, bool]]) -> None:
    from bilateral.compare.stories import _linking

    # (link, settled by terms); a pair the terms settle always links
    links = {(i, j): (linked or settled, settled) for (i, j), (linked, settled) in drawn.items() if i < j}
    pairs = _linking(list(links), lambda i, j: links[(i, j)][1], lambda i, j: links[(i, j)][0])
    assert _groups_of(pairs) == _groups_of([pair for pair, (linked, _) in links.items() if linked])


_CUES = ["border wall", "tariff", "refugee*", "sovereign*", "visa", "kilo", "isle"]


@given(st.text(alphabet="aeiklorstwy İıſKSIKLT-*'. ", max_size=40))
def test_the_screen_lets_through_every_text_a_cue_pattern_matches(text: str) -> None:
    import re

    from bilateral.annotate.screen import Screen, lowered

    patterns = {cue: re.compile(rf"\b{re.escape(cue.rstrip('*'))}[\w-]*", re.IGNORECASE) for cue in _CUES}
    screen = Screen({cue: [cue.rstrip("*")] for cue in _CUES})
    may = screen.candidates(lowered(text))
    for cue, pattern in patterns.items():
        if pattern.search(text):
            assert cue in may, (cue, text)


def test_frames_and_issues_read_the_same_with_the_screen(knowledge) -> None:  # type: ignore[no-untyped-def]
    """Each sentence's frames and issues are those every pattern gives when all are searched."""
    from bilateral.annotate.knowledge import fold
    from bilateral.compare.frames import _known, frames_carried
    from bilateral.knowledge import builtin_packs

    sentences = [
        "Lisbon and Rabat signed a fisheries accord that cuts tariffs on sardines.",
        "İzmir port officials said the asylum seekers were held at the border for weeks.",
        "The ſovereignty dispute over the islets flared after a naval drill near Crete.",
        "Ministers in Nairobi promised cheaper loans to farmers hit by the drought.",
        "Nothing here is on any agenda at all.",
    ]
    frames, screen = _known(builtin_packs())
    for sentence in sentences:
        assert frames_carried(sentence, frames, screen) == frames_carried(sentence, frames)
        text = fold(sentence)
        issues = knowledge.issues
        may = issues.screen.candidates(text)
        for issue, pattern in issues.patterns.items():
            assert bool(pattern.search(text)) <= (("issue", issue) in may)
        for sub, (_, pattern) in issues.subissues.items():
            assert bool(pattern.search(text)) <= (("subissue", sub) in may)


def test_whether_a_token_may_start_a_name_follows_the_knowledge_when_it_is_indexed_again() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from bilateral.annotate.actors import _may_start
    from bilateral.annotate.knowledge import ActorKnowledge

    doc = Doc(Vocab(), words=["Velmora", "met", "Quessant", "envoys"])
    actors = ActorKnowledge(aliases={"velmora": "velmora-accord"})
    actors.index()
    assert [_may_start(token, actors) for token in doc] == [True, False, False, False]
    actors.aliases["quessant"] = "quessant-council"
    actors.index()  # the kept answers go with the old index
    assert [_may_start(token, actors) for token in doc] == [True, False, True, False]
