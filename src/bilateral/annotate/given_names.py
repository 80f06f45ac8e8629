"""Hyphenated given names kept whole by the English pipeline.

spaCy's English tokenizer splits a romanised Korean or Taiwanese given name at its hyphen ("Moon Jae-in" →
"Moon", "Jae", "-", "in"; "Tsai Ing-wen", "Kim Jong-un", "Lee Teng-hui"), and the parser then reads a syllable that
is also an English word ("in", "do") as a preposition or particle, and the verb after the name as a modifier, so the
clause loses its verb and its subject. `merge_given_names`, run first in the English pipeline
(`annotate.nlp.load_nlp`), merges such a split back into one token, so the tagger and the parser see one name; the
NER, trained on split names, then often stops at the family name, so `name_given_names`, run after it, makes the
family and given name one PERSON entity (or widens the PERSON entity that ends at the family name). Character
offsets do not change: tokens are merged, never re-cut.

A given name is two syllables joined by a hyphen, each of the shape romanisation gives (a few consonants, one to
three vowels, then at most n, ng, k, l, m, p or t), the first capitalised, right after a capitalised family name of
at most five letters that is no stop word, in a line not set in title case; the NER's place is never made a
person. Hyphenated English words fail the syllable shape ("Korea-bound", "Post-war", "Bannon-run") or stand in a
headline ("Seoul Tie-up With Tokyo Ends") or after a place ("a Korea Sit-in").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

COMPONENT = "bilateral_given_names"
ENTITIES = "bilateral_given_name_entities"
SYLLABLE = r"[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|[nklmpt])?"
# a family name, one space, then the given name; not followed by more of a word or another hyphen
GIVEN_NAME = re.compile(rf"\b[A-Z][a-z]{{0,4}} ((?=[A-Z])(?i:{SYLLABLE})-{SYLLABLE})(?![-\w])")


PLACES = {"GPE", "LOC", "FAC"}  # entity labels of a place: never a family name ("Han" may be NORP)
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{4,}(?![\w-])")  # a lower-case word of four letters or more


def _given_names(doc: Any) -> Iterator[Span]:
    """The spans of `doc` that hold a given name after a family name (one token once merged, three before); none in
    a line set in title case, where every word is capitalised ("Seoul Tie-up With Tokyo Ends")."""
    text = doc.text  # spaCy joins the tokens on every read
    if "-" not in text or not LOWER_WORD.search(text):
        return
    for match in GIVEN_NAME.finditer(text):
        given = doc.char_span(*match.span(1))
        if given is not None and given.start > 0 and not doc[given.start - 1].is_stop:
            yield given


@Language.component(COMPONENT)
def merge_given_names(doc: Any) -> Any:
    """The Doc with each hyphenated given name after a family name as one token (see the module's docstring)."""
    spans = [span for span in _given_names(doc) if len(span) > 1]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


@Language.component(ENTITIES)
def name_given_names(doc: Any) -> Any:
    """The Doc with each merged given name and the family name before it inside one PERSON entity."""
    names = []
    for given in _given_names(doc):
        family = doc[given.start - 1]
        if family.ent_type_ in PLACES:
            continue  # "a Korea Sit-in", "the Lima Co-op": a place or body, not a family name
        around = next((ent for ent in doc.ents if ent.start <= family.i < ent.end), None)
        start = around.start if around is not None and around.label_ == "PERSON" else family.i
        names.append(Span(doc, start, given.end, label="PERSON"))
    if names:
        doc.ents = filter_spans([*names, *doc.ents])
    return doc
