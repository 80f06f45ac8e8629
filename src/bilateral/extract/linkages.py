"""Issue linkages: sentences that tie two agenda issues together (leverage, exchange, condition, conflict,
framing, instrument). Cues and relation types live in the `linkages` knowledge pack; the issues on each side of
a cue come from the `issues` pack's terms (or the linkages pack's small fallback when none is loaded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bilateral.annotate.knowledge import fold
from bilateral.annotate.nlp import text_of
from bilateral.errors import KnowledgeError
from bilateral.knowledge import Packs, require
from bilateral.model import Analysis, Linkage

Doc = Any
LOOK_BACK = 2  # sentences searched backwards for the first issue when the cue's own sentence lacks a distinct one


@dataclass(frozen=True)
class Cue:
    relation: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None = None  # must match the second side ("violate" needs a treaty or a rule)


@dataclass(frozen=True)
class LinkageCues:
    cues: tuple[Cue, ...]
    threats: re.Pattern[str]
    issues: dict[str, re.Pattern[str]]  # agenda issue -> its terms, in the pack's order


def _terms(terms: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(fold(str(term))) for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def load_linkage_cues(packs: Packs) -> LinkageCues:
    """Cues from every `linkages` pack (later packs add to earlier ones), issue terms from the `issues` packs."""
    cues: list[Cue] = []
    threats: list[str] = []
    fallback: dict[str, list[str]] = {}
    for pack in packs.of_kind("linkages"):
        where = str(pack.path)
        for entry in require(pack.data, "cues", list, where=where):
            if not isinstance(entry, dict):
                raise KnowledgeError(f"{where}: each cue must be a mapping with `relation` and `pattern`")
            relation = require(entry, "relation", str, where=where)
            source = require(entry, "pattern", str, where=where)
            needed = entry.get("requires") or pack.data.get("requires", {}).get(relation)
            try:
                requires = re.compile(str(needed), re.IGNORECASE) if needed else None
                cues.append(Cue(relation, re.compile(source, re.IGNORECASE), requires))
            except re.error as e:
                raise KnowledgeError(f"{where}: cue pattern {source!r} is not a valid regular expression: {e}") from e
        threats += [str(word) for word in pack.data.get("threats") or []]
        fallback |= {str(k): list(v) for k, v in (pack.data.get("fallback_issues") or {}).items()}
    if not cues:
        raise KnowledgeError("no knowledge pack of kind `linkages` was found", hint="restore packs/linkages.yaml")
    issues: dict[str, list[str]] = {}
    for pack in packs.of_kind("issues"):
        for issue, spec in require(pack.data, "issues", dict, where=str(pack.path)).items():
            if isinstance(spec, dict):  # an issue's terms and its sub-issues' (issues.yaml `subissues`)
                subs = [sub for sub in (spec.get("subissues") or {}).values() if isinstance(sub, dict)]
                terms = [*(spec.get("terms") or []), *(term for sub in subs for term in sub.get("terms") or [])]
                issues[str(issue)] = [str(term) for term in terms]
    table = issues or fallback
    return LinkageCues(
        cues=tuple(cues),
        threats=_terms(threats) if threats else re.compile(r"(?!x)x"),
        issues={issue: _terms(terms) for issue, terms in table.items() if terms},
    )


def _issues_in(doc: Doc, start: int, end: int, cues: LinkageCues) -> list[str]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    lemmas = " ".join(token.lemma_ for token in span) if span is not None else ""
    text = f"{fold(text_of(doc)[start:end])} | {fold(lemmas)}"
    return [issue for issue, pattern in cues.issues.items() if pattern.search(text)]


def _sentences(doc: Doc, analysis: Analysis) -> list[tuple[int, int]]:
    if analysis.sentences:
        return list(analysis.sentences)
    return [(int(s.start_char), int(s.end_char)) for s in doc.sents]


def _pair(first: list[str], second: list[str]) -> tuple[str, str] | None:
    for b in second:
        for a in first:
            if a != b and a not in second:
                return a, b
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_linkages(doc: Doc, analysis: Analysis, *, cues: LinkageCues) -> list[Linkage]:
    """Linkages in text order; evidence is the cue's sentence (and the sentences before it that hold the first
    issue, when the cue's own sentence names only the second)."""
    text: str = text_of(doc)
    sentences = _sentences(doc, analysis)
    found: list[Linkage] = []
    for index, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        hits: list[tuple[re.Match[str], Cue]] = []
        # overlapping cues ("in return" inside "in return for") count once
        for match, cue in sorted(
            ((m, c) for c in cues.cues for m in c.pattern.finditer(sentence)),
            key=lambda hit: (hit[0].start(), -hit[0].end()),
        ):
            if not hits or match.start() >= hits[-1][0].end():
                hits.append((match, cue))
        for position, (match, cue) in enumerate(hits):
            previous_end = hits[position - 1][0].end() if position else 0
            next_start = hits[position + 1][0].start() if position + 1 < len(hits) else len(sentence)
            names = match.re.groupindex
            a_start, a_end = (match.start("a"), match.end("a")) if "a" in names else (previous_end, match.start())
            b_start, b_end = (match.start("b"), match.end("b")) if "b" in names else (match.end(), next_start)
            b_end = max(b_end, match.end()) if "b" in names else b_end
            if cue.requires is not None and not cue.requires.search(sentence[b_start:b_end]):
                continue
            first = _issues_in(doc, s_start + a_start, s_start + a_end, cues)
            second = _issues_in(doc, s_start + b_start, s_start + b_end, cues)
            pair = _pair(first, second)
            evidence_start = s_start
            back = index
            # a broken commitment is often named a sentence after the policy that breaks it
            while pair is None and second and back > 0 and index - back < LOOK_BACK and cue.relation == "conflict":
                back -= 1
                evidence_start = sentences[back][0]
                pair = _pair(_issues_in(doc, evidence_start, sentences[back][1], cues), second)
            if pair is None:
                continue
            relation = cue.relation
            if relation == "condition" and cues.threats.search(fold(sentence[a_start:a_end])):
                relation = "leverage"
            start, end = _trim(text, evidence_start, s_end)
            # one tie stated over overlapping evidence (two cues, or a look-back into the last one) counts once
            if any(o.issues == pair and o.relation == relation and o.start < end and start < o.end for o in found):
                continue
            found.append(Linkage(issues=pair, relation=relation, evidence=text[start:end], start=start, end=end))
    return found
