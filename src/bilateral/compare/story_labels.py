"""Story labels: what happened, worded from a story's own fields — its two main countries, its main action, the
name its thread is written with and its month ("United States – Mexico: arrest · Salvador Cienfuegos (Oct 2020)").
Used by `stories.find_stories`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from bilateral.annotate.knowledge import fold
from bilateral.compare.similarity import Weights

if TYPE_CHECKING:
    from bilateral.compare.stories import Item

LABEL_TERMS = 1
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def label(
    items: Sequence[Item],
    threads: set[str],
    weights: Weights,
    *,
    actions: Mapping[str, str] | None = None,
    countries: Mapping[str, str] | None = None,
    generic: Collection[str] = frozenset(),
) -> str:
    """What happened, from the story's own fields: its two main countries, its main action, the name its thread
    is written with, and the month most of its dated events fall in — "United States – Mexico: arrest ·
    Salvador Cienfuegos (Oct 2020)". Each part is left out when the story lacks it; counts are of documents, so
    one long report does not outvote the others."""
    events = [i for i in items if i.kind == "event"]
    acting: Counter[str] = Counter()
    receiving: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    months: Counter[str] = Counter()
    for document in sorted({e.document for e in events}):
        mine = [e for e in events if e.document == document]
        acting.update({c for e in mine for c in e.source_countries})
        receiving.update({c for e in mine for c in e.target_countries})
        kinds.update({_action_key(e, actions) for e in mine if e.type})
        months.update({e.date[:7] for e in mine if e.date and len(e.date) >= 7})
    named = countries or {}
    # who acted, then on whom; countries only ("IGO" or "MNC" say what kind of actor, not who)
    sides: list[str] = []
    for counts in (acting, receiving, acting + receiving):
        for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if (code in named or not named) and named.get(code, code) not in sides:
                sides.append(named.get(code, code))
                break
    sides = sides[:2]
    action = min(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0] if kinds else ""
    subject = " – ".join(sides)
    text = f"{subject}: {action}" if subject and action else subject or action or "Untitled story"
    # a country's body ("South Korea (judiciary)") says who, as the countries do, not which happening
    names = _thread_names(items, threads, weights, sides, [*sides, *named.values()], generic)
    if names:
        text += " · " + " · ".join(names)
    if months:
        month = min(months.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        text += f" ({_MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]})"
    return text


def _action_key(event: Item, actions: Mapping[str, str] | None) -> str:
    wording = actions or {}
    assert event.type is not None
    return wording.get(f"{event.type}/{event.mode}", wording.get(event.type, event.type.lower()))


def _thread_names(
    items: Sequence[Item],
    threads: set[str],
    weights: Weights,
    sides: Sequence[str],
    countries: Sequence[str],
    generic: Collection[str] = frozenset(),
) -> list[str]:
    """The threads as the texts write them (the name most documents use first, an actor before other names),
    each made whole, none repeating a word of a country already in the label or of a name already chosen, none
    starting with a country's name, none a generic agent noun ("Cabinet", "Investors": what kind of actor, not
    which happening), none a lone title or given name (see `_title_like`)."""
    documents: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for term in threads & item.terms.keys():
            documents[term].add(item.document)
    spelled = {term: _spelling([i.names[term] for i in items if term in i.names]) for term in documents}
    # a whole name before its last word ("Estrela Azul", not "Azul")
    ranked = sorted(
        documents,
        key=lambda t: (-len(documents[t]), not t.startswith("@"), -len(spelled[t].split()), -weights.idf(t), t),
    )
    used = {word for name in sides for word in fold(name).split()}
    starts = [fold(name).split() for name in countries]
    written = {name for i in items for name in i.names.values()}
    actors = {name for i in items for term, name in i.names.items() if term.startswith("@")}
    sentences = sorted({item.evidence for item in items})
    names: list[str] = []
    for term in ranked:
        name = _joined(_whole(spelled[term], written, actors), sentences)
        words = set(fold(name).split())
        if any(fold(name).split()[: len(country)] == country for country in starts):
            continue
        if fold(name) in generic or (fold(name).endswith("s") and fold(name)[:-1] in generic):
            continue
        if _title_like(name, sentences, generic):
            continue
        if name and not words & used:
            names.append(name)
            used |= words
        if len(names) == LABEL_TERMS:
            break
    return names


def _joined(name: str, sentences: Sequence[str]) -> str:
    """A name the texts write as the end of a longer one, joined by "of" or "for" ("Security of Trade Routes
    Accord" for "Trade Routes Accord"): the longest such whole name the sentences write, else `name`. Only a
    whole name inside a sentence counts: a sentence's first word is capitalised whatever it is ("Talks of ...")."""
    pattern = re.compile(rf"(?<=\s)(?:[A-Z][\w'’-]*\s+)+(?:of|for)\s+(?:the\s+)?{re.escape(name)}\b")
    longer = [match.group(0) for sentence in sentences for match in pattern.finditer(sentence)]
    return max(longer, key=lambda whole: (len(whole), whole)) if longer else name


def _title_like(name: str, sentences: Sequence[str], generic: Collection[str] = frozenset()) -> bool:
    """A one-word name that every sentence writes just before another capitalised word ("Councillor Ilse Varga",
    "Senator Okafor") or as the end of a generic agent noun ("State Councillor and ...": `generic` holds folded
    agent nouns) is a title or a given name: part of a longer name, not the thread."""
    if len(name.split()) != 1:
        return False
    pattern = re.compile(rf"((?:\S+\s+){{0,2}})\b{re.escape(name)}\b(\s+[A-Z])?")
    found = []
    for sentence in sentences:
        for match in pattern.finditer(sentence):
            before = fold(match.group(1)).split()
            ends_agent = any(" ".join([*before[k:], fold(name)]) in generic for k in range(len(before)))
            found.append(bool(match.group(2)) or ends_agent)
    return bool(found) and all(found)


def _spelling(names: Sequence[str]) -> str:
    """How the texts write a name, preferring a spelling not in capitals ("Donald Trump" over "DONALD TRUMP")."""
    if not names:
        return ""
    cased = [name for name in names if not name.isupper()]
    return cased[0] if cased else names[0].title()


def _whole(name: str, written: set[str], actors: set[str]) -> str:
    """A name cut short made whole: the longest name the story's sentences write that starts with it ("Kim Dae"
    → "Kim Dae-jung", "Zhang" → "Zhang Yiming"), else the one actor of the story whose name ends with it ("Dae-jung"
    → "Kim Dae-jung", "Obama" → "Barack Obama")."""
    words = fold(name).split()
    if not words:
        return name
    longer = [a for a in written if len(fold(a).split()) > len(words) and fold(a).split()[: len(words)] == words]
    if longer:
        return max(longer, key=lambda a: (len(a), a))
    ending = {a for a in actors if len(fold(a).split()) > len(words) and fold(a).split()[-len(words) :] == words}
    return ending.pop() if len(ending) == 1 else name
