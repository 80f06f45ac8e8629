"""One event as a PLOVER 2.0 JSON record (the POLECAT-style JSONL line), with the citation it came from.

Required: id, date, actor, event; also recipient, mode, context, event_text, text and cite_info. A side named
only by its country ("Afghan guerrillas") becomes an entry with that code; an event that did not happen as
stated carries PLOVER's auxiliary mode (negation, hypothetical, future) next to its own mode.
"""

from __future__ import annotations

from typing import Any

from bilateral.model import Actor, Article, Event

# bilateral's status -> PLOVER auxiliary mode; promises and threats are events of their own (AGREE, THREATEN)
AUXILIARY = {"denied": "negation", "hypothetical": "hypothetical"}
FUTURE = {"promised", "threatened", "proposed"}
SPEECH_ACTS = {"AGREE", "THREATEN", "REQUEST"}


def _parties(actor_ids: list[str], countries: list[str], actors: dict[str, Actor]) -> list[dict[str, Any]]:
    parties: list[dict[str, Any]] = []
    for actor_id in actor_ids:
        actor = actors.get(actor_id)
        if actor is None:
            parties.append({"code": None, "sector": None, "entity_text": actor_id, "actor_id": actor_id})
        else:
            parties.append({"code": actor.country, "sector": actor.sector, "entity_text": actor.name,
                            "actor_id": actor.id})  # fmt: skip
    # countries the text gave without a named actor: first to the named actors that lack one, then on their own
    unexplained = [code for code in countries if code not in {party["code"] for party in parties}]
    for party in parties:
        if party["code"] is None and unexplained:
            party["code"] = unexplained.pop(0)
    parties += [{"code": code, "sector": None, "entity_text": None} for code in unexplained]
    return parties


def modes(event: Event) -> list[str]:
    """The event's PLOVER mode, then the auxiliary mode its status implies."""
    found = [event.mode] if event.mode else []
    if event.status in AUXILIARY:
        found.append(AUXILIARY[event.status])
    elif event.status in FUTURE and event.type not in SPEECH_ACTS:
        found.append("future")  # "pledged to deploy troops": the deployment is still to come
    return found


def plover_record(event: Event, *, event_id: str, article: Article, actors: dict[str, Actor]) -> dict[str, Any]:
    """Required: id, date, actor, event; plus recipient, mode, context, event_text, text and cite_info."""
    return {
        "id": event_id,
        "date": event.date or article.published,
        "actor": _parties(event.source, event.source_countries, actors),
        "recipient": _parties(event.target, event.target_countries, actors),
        "event": [event.type],
        "mode": modes(event),
        "context": list(event.issues),
        "status": event.status,
        "event_text": [event.evidence],
        "text": event.evidence,
        "offsets": [event.start, event.end],
        "cite_info": {
            "url": article.url or article.source,
            "title": article.title,
            "publication": article.outlet,
            "document": article.id,
            "published": article.published,
        },
    }
