"""Acts told before in a document, for an act that names no doer of its own but refers back to one: a definite
act ("the arrest", "the expulsion"), an act done to a person told as done before ("Lee's arrest" after "X detained
Lee"), or an agentless passive that goes on telling the act of the sentence just before it ("Gunmen opened fire
on a bus. Two passengers were wounded.").
"""

from __future__ import annotations

from dataclasses import dataclass

from bilateral.extract.events_parties import Side

# a definite act refers back at most this many sentences: in the dyad sets "the boycott", "the killings" rightly
# refer back up to 11 sentences; farther on, an act of the same type is more often another one
TOLD_AGAIN_SENTENCES = 12
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Told:
    """One act told with a source: its parties, the number of its sentence in the document and where that
    sentence ends (a character offset in the document's clean text)."""

    source: Side
    target: Side
    sentence: int
    end: int


def same_party(one: Side, other: Side) -> bool:
    """Whether two sides may be the same party: one names none, or they share an actor or a country."""
    if not one or not other:
        return True
    return bool(set(one.actors) & set(other.actors) or set(one.countries) & set(other.countries))


class ToldActs:
    """The last act of each PLOVER type (and of each type and mode) told with a source, as sentences are read in
    order: `record` after each sentence, the look-ups while reading the next ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_mode: dict[tuple[str, str | None], Told] = {}
        self.by_type: dict[str, Told] = {}

    def record(self, kind: str, mode: str | None, source: Side, target: Side, *, sentence: int, end: int) -> None:
        """Keep an act of `kind` and `mode` told with `source` in sentence number `sentence` ending at `end`."""
        told = Told(source, target, sentence, end)
        self.by_mode[(kind, mode)] = told
        self.by_type[kind] = told

    def again(self, kind: str, mode: str | None, target: Side, *, sentence: int) -> tuple[Side, Side]:
        """The parties of the last act of this type and mode told with a source in one of the
        TOLD_AGAIN_SENTENCES sentences before sentence number `sentence`, for a definite act that names none ("the
        arrest", "the expulsion"); nobody when none was told that near, or the act's own target is another ("the
        arrest of Kim" after Lee's arrest)."""
        told = self.by_mode.get((kind, mode))
        if told is None or sentence - told.sentence > TOLD_AGAIN_SENTENCES:
            return Side(), target
        if target and told.target and not same_party(target, told.target):
            return Side(), target
        return told.source, target or told.target

    def done_to(self, kind: str, mode: str | None, target: Side) -> Side:
        """The source of the last act of this type and mode told before with a source, when it was done to one of
        the same named actors as `target` ("X detained Lee. … Lee was arrested at the airport", "… Lee's
        detention": X); nobody when the two share only a country ("a Somali journalist was arrested" after X
        detained a Somali activist)."""
        told = self.by_mode.get((kind, mode))
        return told.source if told is not None and set(target.actors) & set(told.target.actors) else Side()

    def continued(self, kind: str, target: Side, *, sentence: int, start: int) -> Side:
        """The source of an act of this type told in the sentence just before sentence number `sentence` (which
        starts at `start`), in the same paragraph, for an agentless passive of that type that goes on telling it
        ("Gunmen opened fire on a bus. Some passengers were burned inside it": the gunmen). Nobody when the act
        was told farther back or across a paragraph, or was done to another named party."""
        told = self.by_type.get(kind)
        if told is None or told.sentence != sentence - 1 or PARAGRAPH_BREAK in self.text[told.end : start]:
            return Side()
        if target.actors and told.target.actors and not set(target.actors) & set(told.target.actors):
            return Side()
        return told.source
