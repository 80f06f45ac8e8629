"""Agenda issues: which issues each sentence is about (lexicons from the `issues` pack), and how salient each
issue is in the document (the share of its sentences on that issue)."""

from __future__ import annotations

from typing import Any

from bilateral.annotate.knowledge import IssueKnowledge, fold
from bilateral.model import SentenceIssues

Doc = Any
MIN_SENTENCES = 2  # an issue named in one passing sentence is not one the document discusses
MIN_SALIENCE = 0.02


def tag_sentences(doc: Doc, *, knowledge: IssueKnowledge) -> list[SentenceIssues]:
    tagged = []
    for sentence in doc.sents:
        # match the words and their lemmas, so "deported" meets "deport" and "tariffs" meets "tariff"
        text = f"{fold(sentence.text)} | {fold(' '.join(token.lemma_ for token in sentence))}"
        # only the patterns one of whose terms the text holds are searched (see annotate.screen)
        may = knowledge.screen.candidates(text) if knowledge.terms else None
        issues = tuple(
            issue
            for issue, pattern in knowledge.patterns.items()
            if (may is None or ("issue", issue) in may) and pattern.search(text)
        )
        subissues = tuple(
            sub
            for sub, (issue, pattern) in knowledge.subissues.items()
            if (may is None or ("subissue", sub) in may) and pattern.search(text)
        )
        tagged.append(SentenceIssues(sentence.start_char, sentence.end_char, issues, subissues))
    return tagged


def salience(sentences: list[SentenceIssues], *, finer: bool = False) -> dict[str, float]:
    """Issues (or, with `finer`, sub-issues) the document discusses, each with the share of its sentences on it."""
    if not sentences:
        return {}
    counts: dict[str, int] = {}
    for sentence in sentences:
        for issue in sentence.subissues if finer else sentence.issues:
            counts[issue] = counts.get(issue, 0) + 1
    return {
        issue: round(count / len(sentences), 4)
        for issue, count in sorted(counts.items())
        if count >= MIN_SENTENCES and count / len(sentences) >= MIN_SALIENCE
    }
