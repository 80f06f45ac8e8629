"""What the briefing says, computed from the export contract: the pair, the period, who acts on whom, the
biggest stories, the figures in dispute and each outlet's reading. Plain data; `briefing.py` draws it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from statistics import mean
from typing import Any

from bilateral.compare import scored
from bilateral.compare.coverage import outlet_name
from bilateral.extract.events_patterns import QUADS
from bilateral.report.formats import not_scored
from bilateral.report.formats import when as when_label

NOT_A_COUNTRY = {"IGO", "", None}
UNATTRIBUTED = "no actor named on either side"
PARTLY = "one side unnamed"


@cache
def context_issues() -> dict[str, str]:
    """PLOVER context → the agenda issue it comes from (the `issues` pack's `contexts`, its sub-issues' included)."""
    from bilateral.knowledge import builtin_packs

    found: dict[str, str] = {}
    for pack in builtin_packs().of_kind("issues"):
        for issue, entry in (pack.data.get("issues") or {}).items():
            subissues = (entry.get("subissues") or {}).values()
            for context in [
                *(entry.get("contexts") or []),
                *(c for sub in subissues for c in sub.get("contexts") or []),
            ]:
                found.setdefault(context, issue)
    return found


def country_names(data: dict[str, Any]) -> dict[str, str]:
    """ISO alpha-3 → the name the corpus's country actors carry (pycountry's for the others, the countries pack's
    for a state ISO 3166 does not list)."""
    import pycountry

    from bilateral.knowledge.build_countries import OUTSIDE_ISO

    names = {a["country"]: a["name"] for a in data["actors"] if a["kind"] == "country" and a["id"] == a["country"]}
    for event in data["events"]:
        for code in [*event["source_countries"], *event["target_countries"]]:
            if code not in names and code not in NOT_A_COUNTRY:
                found = pycountry.countries.get(alpha_3=code)
                outside = OUTSIDE_ISO.get(code, {}).get("name")  # a state ISO 3166 does not list ("XKX")
                names[code] = getattr(found, "common_name", None) or (found.name if found else outside or code)
    return names


def ranked(counter: Counter[str]) -> list[str]:
    """The counter's keys, most frequent first, ties by name (never by insertion order, which a set may set)."""
    return [key for key, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def pair(data: dict[str, Any]) -> tuple[str, str] | None:
    """The pair the map's `dyad` names (given with `--dyad`), else the pair of countries named most often in the
    events (alpha-3 codes), or None with fewer than two."""
    named = data.get("dyad") or {}
    if named.get("inferred") is False and len(named.get("countries") or []) == 2:
        first, second = named["countries"]
        return str(first), str(second)
    counts: Counter[str] = Counter()
    for event in data["events"]:
        counts.update({*event["source_countries"], *event["target_countries"]} - NOT_A_COUNTRY)
    top = ranked(counts)[:2]
    return (top[0], top[1]) if len(top) == 2 else None


def direction(event: dict[str, Any], a: str, b: str, names: dict[str, str]) -> str:
    """Which way an event goes between countries a and b, in words ('United States → Mexico' …)."""
    source, target = set(event["source_countries"]), set(event["target_countries"])
    if not source and not target:
        return UNATTRIBUTED
    if not source or not target:
        return PARTLY
    na, nb = names.get(a, a), names.get(b, b)
    if {a, b} <= source and {a, b} <= target:
        return f"{na} and {nb} together"
    if a in source and b in target:
        return f"{na} → {nb}"
    if b in source and a in target:
        return f"{nb} → {na}"
    if source | target == {a}:
        return f"within {na}"
    if source | target == {b}:
        return f"within {nb}"
    return "with other countries"


def directions(a: str, b: str, names: dict[str, str]) -> list[str]:
    """The attributed directions, in the order the briefing shows them."""
    na, nb = names.get(a, a), names.get(b, b)
    return [f"{na} → {nb}", f"{nb} → {na}", f"{na} and {nb} together", f"within {na}", f"within {nb}",
            "with other countries"]  # fmt: skip


def month(event: dict[str, Any], published: dict[str, str | None]) -> str | None:
    """The month an event happened (its resolved date, else its article's publication), as YYYY-MM-01."""
    found = event.get("date") or published.get(event["document"])
    return f"{found[:7]}-01" if found and len(found) >= 7 else None


def quad(event: dict[str, Any]) -> str:
    return QUADS.get(event["type"], "verbal cooperation")


def agenda(event: dict[str, Any]) -> list[str]:
    """The agenda issues behind an event's PLOVER contexts, sorted (each once)."""
    issues = context_issues()
    return sorted({issues[c] for c in event.get("issues") or [] if c in issues})


def source_label(document: dict[str, Any]) -> str:
    """The name a reader knows a source by: its outlet, else its web host, else its title (never a file name,
    unless that is all there is)."""
    named = outlet_name(document)
    if document.get("outlet") or document.get("url") or not document.get("title"):
        return named
    title = " ".join(str(document["title"]).split())
    return f"“{title[:48].rstrip()}{'…' if len(title) > 48 else ''}”"


def originals(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in data["documents"] if not d.get("duplicate_of")]


def span(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def key_stories(data: dict[str, Any], *, limit: int = 8) -> list[dict[str, Any]]:
    """The biggest stories (most outlets, then most events), each with its outlets and a telling event."""
    outlets = {d["id"]: source_label(d) for d in data["documents"]}
    events = {e["id"]: e for e in data["events"]}
    ranked = []
    for story in data.get("stories") or []:
        told = sorted({outlets.get(d, d) for d in story["documents"]}, key=str.lower)
        members = [events[i] for i in story["events"] if i in events]
        # the event told with the most named actors, then the shortest sentence: the clearest single line
        telling = min(
            members,
            key=lambda e: (-(bool(e["source"]) + bool(e["target"])), len(e["evidence"])),
            default=None,
        )
        ranked.append({"story": story, "outlets": told, "event": telling, "size": (len(told), len(members))})
    ranked.sort(key=lambda r: (-r["size"][0], -r["size"][1], r["story"]["first_date"] or ""))
    return ranked[:limit]


def stance_by_outlet(data: dict[str, Any], a: str, b: str) -> dict[str, dict[str, float]]:
    """Mean tone per outlet toward each country of the pair (its own actors: government, people, bodies)."""
    country = {x["id"]: x["country"] for x in data["actors"]}
    outlets = {d["id"]: source_label(d) for d in data["documents"]}
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for stance in data.get("stances") or []:
        code = country.get(stance["actor"])
        if code in (a, b):
            scores[outlets.get(stance["document"], stance["document"])][code].append(stance["score"])
    return {o: {code: mean(values) for code, values in by.items()} for o, by in scores.items()}


def readings(data: dict[str, Any], a: str, b: str) -> list[dict[str, Any]]:
    """Per outlet: articles, their languages (ISO 639-1 or None, one per article), whether the comparison models
    read any of them, genres, leading frames, tone toward a and b, mean partisanship."""
    tone = stance_by_outlet(data, a, b)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for document in originals(data):
        grouped[source_label(document)].append(document)
    rows = []
    for outlet, documents in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())):
        frames: Counter[str] = Counter()
        for document in documents:
            frames.update({f["frame"] for f in document.get("frames") or []})
        partisan = [d["partisanship"] for d in documents if d.get("partisanship") is not None]
        rows.append(
            {
                "outlet": outlet,
                "articles": len(documents),
                "languages": [d.get("language") for d in documents],
                "scored": any(scored(d.get("language")) for d in documents),
                "genres": Counter(
                    d.get("genre") or ("unknown" if scored(d.get("language")) else not_scored(d.get("language")))
                    for d in documents
                ),
                "frames": [f for f, _ in sorted(frames.items(), key=lambda kv: (-kv[1], kv[0]))[:3]],
                "tone": tone.get(outlet, {}),
                "partisanship": mean(partisan) if partisan else None,
            }
        )
    return rows


def direction_rows(
    data: dict[str, Any], a: str, b: str, names: dict[str, str]
) -> tuple[dict[str, Counter[str]], list[dict[str, Any]]]:
    """Events per direction and quad class, and the monthly rows of the direction chart (a → b, b → a, both)."""
    published = {d["id"]: d.get("published") for d in data["documents"]}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    monthly: Counter[tuple[str, str, str]] = Counter()
    for event in data["events"]:
        way = direction(event, a, b, names)
        counts[way][quad(event)] += 1
        when = month(event, published)
        if when and ("→" in way or "together" in way):
            monthly[(when, way, quad(event))] += 1
    rows = [{"month": m, "direction": w, "quad": q, "events": n} for (m, w, q), n in sorted(monthly.items())]
    return counts, rows


def network(
    data: dict[str, Any], names: dict[str, str], *, top: int = 18
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes (the actors in most events that act on another) and links (pairs, by their events' main stance)."""
    involved: Counter[str] = Counter()
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for event in data["events"]:
        involved.update({*event["source"], *event["target"]})
        kind = "conflict" if "conflict" in quad(event) else "cooperation"
        for s in event["source"]:
            for t in event["target"]:
                if s != t:
                    pairs[(min(s, t), max(s, t))][kind] += 1
    linked = {a for pair in pairs for a in pair}
    chosen = [a for a in ranked(involved) if a in linked][:top]
    index = {a: i for i, a in enumerate(chosen)}
    nodes = [{"name": names.get(a, a), "events": involved[a], "id": a} for a in chosen]
    links = []
    for (s, t), kinds in sorted(pairs.items()):
        if s in index and t in index:
            total = sum(kinds.values())
            main, n = kinds.most_common(1)[0]
            links.append({"source": index[s], "target": index[t], "events": total,
                          "stance": main if n > 0.6 * total else "mixed"})  # fmt: skip
    return nodes, links


def salience_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Articles per source and agenda issue, for the salience chart."""
    counts: Counter[tuple[str, str]] = Counter()
    for document in originals(data):
        for item in document.get("issues") or []:
            counts[(source_label(document), item["issue"])] += 1
    return [{"outlet": o, "issue": i.replace("_", " "), "articles": n} for (o, i), n in sorted(counts.items())]


def country_rows(data: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    """Per country (ISO numeric id, as world-atlas keys them): its actors' mentions and events, for the map."""
    import pycountry

    mentions: Counter[str] = Counter()
    for actor in data["actors"]:
        if actor.get("country") not in NOT_A_COUNTRY:
            mentions[actor["country"]] += actor.get("mentions") or 0
    events: Counter[str] = Counter()
    for event in data["events"]:
        events.update({*event["source_countries"], *event["target_countries"]} - NOT_A_COUNTRY)
    rows = []
    for code in sorted(set(mentions) | set(events)):
        found = pycountry.countries.get(alpha_3=code)
        if found is not None:
            rows.append({"id": found.numeric, "name": names.get(code, found.name), "mentions": mentions[code],
                         "events": events[code]})  # fmt: skip
    return rows


def what_changed(data: dict[str, Any], a: str, b: str, names: dict[str, str]) -> list[str]:
    """Sentences comparing the earlier and later half of the events between a and b (split at the middle
    event's month): conflict's share, the busiest direction and the leading agenda issue."""
    published = {d["id"]: d.get("published") for d in data["documents"]}
    between = directions(a, b, names)[:3]
    dated = sorted(
        ((when, event) for event in data["events"]
         if (when := month(event, published)) and direction(event, a, b, names) in between),
        key=lambda pair: (pair[0], pair[1]["id"]),
    )  # fmt: skip
    if len(dated) < 6:
        return []
    middle = dated[len(dated) // 2][0]
    halves = [[e for w, e in dated if w < middle], [e for w, e in dated if w >= middle]]
    if not all(halves):
        return []

    def conflict(events: list[dict[str, Any]]) -> int:
        return round(100 * sum("conflict" in quad(e) for e in events) / len(events))

    def leading(counter: Counter[str]) -> str:
        return ranked(counter)[0] if counter else "none"

    ways = [Counter(direction(e, a, b, names) for e in half) for half in halves]
    issues = [Counter(issue for e in half for issue in agenda(e)) for half in halves]
    since = when_label(middle[:7])
    busiest = [leading(way) for way in ways]
    lines = [
        f"Conflict made up {conflict(halves[0])}% of the events between the two before {since} "
        f"({len(halves[0])} events) and {conflict(halves[1])}% from then on ({len(halves[1])}).",
        f"The busiest direction stayed {busiest[0]}."
        if busiest[0] == busiest[1]
        else f"The busiest direction moved from {busiest[0]} to {busiest[1]}.",
    ]
    first, second = leading(issues[0]), leading(issues[1])
    lines.append(
        f"The leading agenda issue stayed {first}."
        if first == second
        else f"The leading agenda issue moved from {first} to {second}."
    )
    return lines
