"""A Universal Dependencies parse (the Spanish model's) reshaped into the English model's arcs, so that one set of
event rules reads both: a preposition heads its noun (`prep`/`pobj`, `agent` for the doer of a passive), a passive
is marked (`nsubjpass`, `auxpass`), a participle that modifies a noun is a clause (`acl`, tag `VBN`), a pronominal
verb's "se" is no object (`expl`), and each function word's `norm_` is the English word of the same role (the
language's `grammar` pack). Word order, offsets and sentence bounds are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from bilateral.errors import KnowledgeError
from bilateral.knowledge import builtin_packs

Token = Any
CASED = {"obl", "nmod", "dobj", "dative", "obl:agent", "obl:arg", "obl:tmod", "advcl", "acl"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB"}


@dataclass(frozen=True)
class Grammar:
    prepositions: dict[str, str]  # preposition or fixed phrase -> English preposition
    agent: frozenset[str]
    passive_auxiliaries: frozenset[str]
    words: dict[str, str]


@cache
def grammar(language: str) -> Grammar | None:
    """The `grammar` packs written for `language` merged (later packs win); None when there is none."""
    packs = [pack for pack in builtin_packs().for_language(language).of_kind("grammar") if pack.language]
    if not packs:
        return None
    prepositions: dict[str, str] = {}
    words: dict[str, str] = {}
    agent: set[str] = set()
    passive: set[str] = set()
    for pack in packs:
        for key, table in (("prepositions", prepositions), ("words", words)):
            value = pack.data.get(key) or {}
            if not isinstance(value, dict):
                raise KnowledgeError(f"{pack.path}: `{key}` must be a mapping of word -> English word")
            table.update({str(k).lower(): str(v) for k, v in value.items()})
        agent.update(str(w).lower() for w in pack.data.get("agent") or [])
        passive.update(str(w).lower() for w in pack.data.get("passive_auxiliaries") or [])
    return Grammar(prepositions, frozenset(agent), frozenset(passive), words)


def reshape(doc: Any, rules: Grammar, lemmatizer: Any = None) -> Any:
    """`doc` with its arcs in the English model's scheme (see the module's doc); returns the same Doc.
    `lemmatizer` (the model's rule lemmatizer, optional) gives a participle read as an adjective its verb."""
    for token in doc:
        if token.morph.get("VerbForm") == ["Part"] and token.pos_ in {"VERB", "ADJ"}:
            _participle(token, rules, lemmatizer)
    for token in doc:
        if token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.pos_ == "VERB":
            token.dep_ = "dobj"  # "pone fin a", "da paso a": the noun of a verbal phrase is its object
    for token in list(doc):
        if token.dep_ == "case" and token.head.i != token.i and token.head.dep_ in CASED:
            _preposition(token, rules)
    for token in doc:
        if token.pos_ == "PRON" and "Yes" in token.morph.get("Reflex") and token.dep_ in {"dobj", "dative"}:
            token.dep_ = "expl"  # "se reunió", "se quejó": the pronominal verb's mark, not what is acted on
        elif token.pos_ == "AUX":
            token.norm_ = token.lemma_.lower()  # "va a firmar", "puede": the auxiliary read by its lemma
        elif token.pos_ in {"PRON", "SCONJ", "ADV"} and (english := rules.words.get(token.lower_)) is not None:
            token.norm_ = english
    return doc


def _participle(token: Token, rules: Grammar, lemmatizer: Any) -> None:
    token.tag_ = "VBN"
    passive = [c for c in token.children if c.dep_ in {"aux", "cop"} and c.lemma_.lower() in rules.passive_auxiliaries]
    if passive and token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ in {"aux", "cop"} and child in passive:
                child.dep_ = "auxpass"
            elif child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
    if token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.pos_ in {"NOUN", "PROPN"}:
        token.pos_ = "VERB"  # "el acuerdo firmado por X": a reduced relative clause
        token.dep_ = "acl"
    if token.pos_ == "VERB":
        token.lemma_ = _infinitive(token, lemmatizer)


def _infinitive(token: Token, lemmatizer: Any) -> str:
    """A participle's verb ("firmado" -> "firmar", "detenida" -> "detener"): the model's lemma where it gives a
    verb, else its rule lemmatizer's reading of the word as a verb, else the regular -ado -> -ar."""
    lemma = str(token.lemma_).lower()
    if lemma.endswith(("ar", "er", "ir")):
        return lemma
    if lemmatizer is not None and getattr(lemmatizer, "mode", None) == "rule":
        found = [str(w).lower() for w in lemmatizer.rule_lemmatize(token)]
        if found and found[0].endswith(("ar", "er", "ir")):
            return found[0]
    stem = str(token.lower_)
    for ending, verb in (("ado", "ar"), ("ada", "ar"), ("ados", "ar"), ("adas", "ar")):
        if stem.endswith(ending):
            return stem[: -len(ending)] + verb
    return lemma


def _preposition(case: Token, rules: Grammar) -> None:
    noun = case.head
    fixed = " ".join([case.lower_, *(c.lower_ for c in case.children if c.dep_ == "fixed")])
    english = rules.prepositions.get(fixed) or rules.prepositions.get(case.lower_)
    if english is None:
        return
    up = noun.head
    if (
        noun.dep_ in {"dobj", "dative"}
        and english == "to"
        and not any(c.dep_ == "dobj" and c.i != noun.i for c in up.children)
    ):
        return  # the "a" before a person acted on ("amenazó a Chile") marks the object, not a direction
    # "por la policía", "por Chile" name a doer; a bare noun ("por cargos de fraude") a cause
    named = noun.pos_ in {"PROPN", "PRON"} or any(c.dep_ == "det" for c in noun.children)
    doer = (
        fixed in rules.agent
        and named
        and (any(c.dep_ == "auxpass" for c in up.children) or up.tag_ == "VBN" or up.pos_ in {"NOUN", "PROPN"})
    )
    case.head = up
    case.dep_ = "agent" if doer and up.pos_ in {"VERB", "AUX", "ADJ"} else "prep"
    case.norm_ = "by" if doer else english
    noun.head = case
    noun.dep_ = "pobj"
