"""One event as a PLOVER 2.0 JSON record (the POLECAT-style JSONL line), with the citation it came from."""

from __future__ import annotations

from typing import Any

from bilateral.model import Actor, Article, Event


def _party(actor_id: str, actors: dict[str, Actor]) -> dict[str, Any]:
    actor = actors.get(actor_id)
    if actor is None:
        return {"code": None, "sector": None, "entity_text": actor_id}
    return {"code": actor.country, "sector": actor.sector, "entity_text": actor.name, "actor_id": actor.id}


def plover_record(event: Event, *, event_id: str, article: Article, actors: dict[str, Actor]) -> dict[str, Any]:
    """Required: id, date, actor, event; plus recipient, mode, context, event_text, text and cite_info."""
    return {
        "id": event_id,
        "date": event.date or article.published,
        "actor": [_party(actor, actors) for actor in event.source],
        "recipient": [_party(actor, actors) for actor in event.target],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
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
