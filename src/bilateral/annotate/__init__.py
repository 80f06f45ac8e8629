"""Understanding one document: actors, places, dates and agenda issues, from a spaCy parse."""

from __future__ import annotations

from typing import Any

from bilateral.annotate.actors import resolve_actors
from bilateral.annotate.dates import resolve_dates
from bilateral.annotate.issues import salience, tag_sentences
from bilateral.annotate.knowledge import Knowledge, load_knowledge
from bilateral.model import Analysis

__all__ = ["Knowledge", "analyse", "load_knowledge"]


def analyse(doc: Any, *, published: str | None, document: str, knowledge: Knowledge) -> Analysis:
    actors, mentions, places = resolve_actors(doc, knowledge=knowledge.actors, published=published)
    sentence_issues = tag_sentences(doc, knowledge=knowledge.issues)
    return Analysis(
        document=document,
        sentences=[(sentence.start_char, sentence.end_char) for sentence in doc.sents],
        actors=actors,
        mentions=mentions,
        places=places,
        dates=resolve_dates(doc, published=published),
        sentence_issues=sentence_issues,
        issues=salience(sentence_issues),
        subissues={
            sub: (knowledge.issues.subissues[sub][0], share)
            for sub, share in salience(sentence_issues, finer=True).items()
        },
        published=published,
    )
