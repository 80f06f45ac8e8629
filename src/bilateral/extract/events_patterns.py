"""The event knowledge (packs of kind `events`, format in knowledge/EVENTS.md) read into lookup tables.

Packs are merged in load order, so a user's pack can add or replace single verbs, nouns or cues; the merged
result is validated once, and every problem names the pack file and the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bilateral.annotate.knowledge import fold
from bilateral.errors import KnowledgeError
from bilateral.knowledge import Pack, Packs

# PLOVER 2.0's sixteen event types (the export contract), and the statuses bilateral records.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
# The four quad classes of PLOVER.md (verbal/material × cooperation/conflict).
QUADS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}
STATUSES = ("occurred", "threatened", "promised", "proposed", "denied", "hypothetical")
TABLES = ("verbs", "adjectives", "nouns")
CUE_KEYS = ("negation", "future", "hypothetical", "conditional", "coercive_conditional", "deontic", "reporting",
            "cancelling", "pair_words", "person_nouns", "bodies", "negative_subjects", "permissive",
            "market_subjects", "opinion_subjects", "complaints", "temporal", "harms", "credits",
            "transcript", "copulas", "enacting", "collective_bodies", "receiving", "evaluative",
            "generic_determiners", "bearers", "anonymity", "occasions", "views", "provisions", "undergone",
            "quoting", "averting", "informing", "backgrounds", "stakes", "armed", "advice", "party_roles",
            "causatives", "in_force", "journeys", "durations", "approving", "judicial", "obliging",
            "deciding", "generic_subjects", "tallies", "clauses", "earlier", "leader_titles",
            "leader_nouns", "acclaiming", "judging", "traders", "reproofs", "commanding",
            "missions", "decisions", "times", "phases", "filings", "answering", "reconsidering",
            "continuing", "permitting", "phase_makers", "reviewing")  # fmt: skip
# CAMEO's verb dictionary compiled to PLOVER (knowledge/build_plover_cameo.py; CC BY-SA 4.0, see its "about").
COMPILED = Path(__file__).resolve().parents[1] / "knowledge" / "packs" / "plover_cameo.json"
ENTRY_KEYS = {"type", "mode", "status", "complement", "objects", "light", "reciprocal", "of", "needs_verb",
              "needs_object", "intransitive", "needs_target", "threat", "intent", "that_clause"}  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """What one verb, adjective or noun means as an event (see EVENTS.md for each key)."""

    key: str
    type: str | None = None  # None: the word only carries a status (vow, fail) or hands over to its object
    mode: str | None = None
    status: str | None = None  # the status of the event the word itself reports ("threaten" -> threatened)
    complement: str | None = None  # the status it gives to the event in its to- or that-clause
    # object class -> (type, mode), or None where that object makes it no event ("fight corruption")
    objects: dict[str, tuple[str, str | None] | None] = field(default_factory=dict)
    light: bool = False  # the event is named by its object noun ("issued a warning", "held talks")
    reciprocal: bool = False  # co-ordinated actors act on each other ("X and Y met")
    of_role: str = "target"  # nouns: what "of" introduces ("arrest of X" target, "withdrawal of X" source)
    needs_verb: bool = False  # nouns: an event only as the object of a verb ("reached an agreement")
    needs_object: bool = False  # verbs: an event only with an object or complement ("declined to", not "fell")
    intransitive: bool = False  # verbs: an event only without a direct object ("demonstrated", not "demonstrated
    # goodwill")
    needs_target: bool = False  # verbs: an event only when an actor is acted on ("recognized Kosovo")
    threat: str | None = None  # THREATEN mode when this is what is threatened
    intent: str | None = None  # overrides the type's intent (AGREE or THREATEN) for promised/threatened events
    that_clause: str | None = None  # the type when a that-clause says what someone else should do ("proposed that")


@dataclass(frozen=True)
class TypeSpec:
    modes: frozenset[str]
    intent: str | None  # the verbal event a promise of this type amounts to (AGREE, THREATEN) or None
    threat: str | None  # the THREATEN mode when this type is what is threatened
    asked: str | None = None  # the REQUEST mode when this type is what is asked for ("urged X to release Y": yield)


@dataclass
class EventPatterns:
    types: dict[str, TypeSpec]
    verbs: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    nouns: dict[str, Trigger]
    object_classes: dict[str, str]  # lemma -> object class
    cues: dict[str, frozenset[str]]
    contexts: dict[str, tuple[str, ...]]  # agenda issue -> PLOVER contexts
    countries: dict[str, str]  # folded country name, demonym or capital -> ISO alpha-3, for unnamed actors
    fingerprint: str = ""
    country_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> the countries pack's name


def _where(pack: Pack, *parts: str) -> str:
    return f"{pack.path}: " + ".".join(parts)


def _type_mode(value: str, where: str) -> tuple[str, str | None]:
    """ "COERCE/arrest" -> ("COERCE", "arrest")."""
    kind, _, mode = value.partition("/")
    if kind not in PLOVER_TYPES:
        raise KnowledgeError(f"{where}: {kind!r} is not a PLOVER 2.0 type (one of {', '.join(PLOVER_TYPES)})")
    return kind, (mode or None)


def _status(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if value not in STATUSES:
        raise KnowledgeError(f"{where}: status {value!r} is not one of {', '.join(STATUSES)}")
    return str(value)


def _trigger(key: str, value: Any, where: str) -> Trigger:
    """One entry: "TYPE", "TYPE/mode", or a mapping of the keys in ENTRY_KEYS."""
    if isinstance(value, str):
        return Trigger(key, *_type_mode(value, where))
    if not isinstance(value, dict):
        raise KnowledgeError(f'{where}: must be "TYPE", "TYPE/mode" or a mapping, got {value!r:.60}')
    unknown = set(value) - ENTRY_KEYS
    if unknown:
        raise KnowledgeError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(ENTRY_KEYS)})")
    kind: str | None = None
    mode: str | None = None
    if value.get("type") is not None:
        kind, mode = _type_mode(str(value["type"]), where)
    if value.get("mode") is not None:
        mode = str(value["mode"])
    objects: dict[str, tuple[str, str | None] | None] = {}
    for cls, target in (value.get("objects") or {}).items():
        if target is None:
            objects[str(cls)] = None
            continue
        if not isinstance(target, str):
            raise KnowledgeError(f'{where}.objects.{cls}: must be "TYPE", "TYPE/mode" or null')
        objects[str(cls)] = _type_mode(target, f"{where}.objects.{cls}")
    of_role = value.get("of", "target")
    if of_role not in ("target", "source"):
        raise KnowledgeError(f"{where}: `of` must be target or source, got {of_role!r}")
    for key_name in ("intent", "that_clause"):
        if value.get(key_name) is not None and value[key_name] not in PLOVER_TYPES:
            raise KnowledgeError(f"{where}: {key_name} {value[key_name]!r} is not a PLOVER 2.0 type")
    trigger = Trigger(
        key=key,
        type=kind,
        mode=mode,
        status=_status(value.get("status"), where),
        complement=_status(value.get("complement"), where),
        objects=objects,
        light=bool(value.get("light", False)),
        reciprocal=bool(value.get("reciprocal", False)),
        of_role=str(of_role),
        needs_verb=bool(value.get("needs_verb", False)),
        needs_object=bool(value.get("needs_object", False)),
        intransitive=bool(value.get("intransitive", False)),
        needs_target=bool(value.get("needs_target", False)),
        threat=value.get("threat"),
        intent=value.get("intent"),
        that_clause=value.get("that_clause"),
    )
    explicit = "type" in value  # `type: null` says in so many words that the key names no event
    if trigger.type is None and not (explicit or trigger.light or trigger.objects or trigger.complement):
        raise KnowledgeError(f"{where}: an entry needs a `type`, `objects`, `light` or `complement`")
    return trigger


def _merge(packs: list[Pack]) -> dict[str, Any]:
    """Later packs win, key by key inside each table (a user pack adds or replaces single entries)."""
    merged: dict[str, Any] = {name: {} for name in (*TABLES, "types", "object_classes", "cues", "issue_contexts")}
    merged["sources"] = {}
    for pack in packs:
        for section in merged:
            if section == "sources":
                continue
            value = pack.data.get(section)
            if value is None:
                continue
            if not isinstance(value, dict):
                raise KnowledgeError(f"{_where(pack, section)} must be a mapping")
            for key, entry in value.items():
                known, before = merged[section].get(str(key)), merged["sources"].get((section, str(key)))
                lingual = pack.language or (before is not None and before.language)
                if (
                    section in {"object_classes", "cues"}
                    and lingual
                    and isinstance(known, list)
                    and isinstance(entry, list)
                ):
                    entry = [*known, *entry]  # a pack in another language adds its words to the class or cue
                merged[section][str(key).lower() if section in TABLES else str(key)] = entry
                merged["sources"][(section, str(key).lower() if section in TABLES else str(key))] = pack
    return merged


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{where}: must be a list of strings")
    return value


def demonym_forms(name: str) -> list[tuple[int, str]]:
    """Likely adjective forms of a country name, most regular first ("Uganda" -> "Ugandan", "Iraq" -> "Iraqi",
    "Kyrgyzstan" -> "Kyrgyz", "Sudan" -> "Sudanese"). Forms that are not words never match, so over-generating
    is harmless; they fill in demonyms the countries pack does not list."""
    forms: list[tuple[int, str]] = []
    if name.endswith("a"):
        forms += [(0, name + "n"), (2, name[:-1] + "ese"), (2, name[:-1] + "ian")]
    elif name.endswith("stan"):
        forms += [(1, name[:-4]), (1, name + "i")]
    elif name.endswith(("e", "i")):
        forms += [(1, name + "an")]
    elif name.endswith("o"):
        forms += [(1, name[:-1] + "an"), (2, name[:-1] + "ese")]
    elif name.endswith("on"):
        forms += [(1, name[:-2] + "ese")]
    elif name.endswith("ey"):
        forms += [(1, name[:-2] + "ish")]
    else:
        forms += [(2, name + "i"), (2, name + "ian"), (2, name + "ese")]
    return forms


def _countries(packs: Packs) -> tuple[dict[str, str], dict[str, str]]:
    """(folded name, demonym or capital -> ISO alpha-3, for unnamed actors; ISO alpha-3 -> the country's name, for
    a state a text names only by a demonym, a place or its bodies). A later pack (the user's) overrides."""
    table: dict[str, str] = {}
    country_names: dict[str, str] = {}
    derived: dict[str, tuple[int, str | None]] = {}  # form -> (rank, code); None where two countries tie
    for pack in packs.of_kind("countries"):
        for entry in pack.data.get("countries") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
                continue  # the countries pack is validated by the annotate stage that owns it
            if isinstance(entry.get("name"), str):
                country_names[entry["code"]] = entry["name"]
            names = [entry.get("name"), *(entry.get("aliases") or [])]
            for name in [*names, *(entry.get("demonyms") or []), *(entry.get("capitals") or [])]:
                if isinstance(name, str) and name.strip():
                    table[fold(name)] = entry["code"]
            for name in names:
                if not isinstance(name, str) or "," in name or len(name) < 4:
                    continue
                for rank, form in demonym_forms(fold(name)):
                    seen = derived.get(form)
                    if seen is None or rank < seen[0]:
                        derived[form] = (rank, entry["code"])
                    elif rank == seen[0] and seen[1] != entry["code"]:
                        derived[form] = (rank, None)
    for form, (_, code) in derived.items():
        if code is not None:
            table.setdefault(form, code)
    return table, country_names


def load_event_patterns(packs: Packs) -> EventPatterns:
    """The merged, validated event patterns of every `events` pack (built-in plover.yaml plus the user's)."""
    own = packs.of_kind("events")
    if not own:
        raise KnowledgeError("no knowledge pack of kind `events` was found", hint="restore packs/plover.yaml")
    merged = _merge(own)
    sources = merged["sources"]

    def where(section: str, key: str) -> str:
        return _where(sources[(section, key)], section, key)

    types: dict[str, TypeSpec] = {}
    for name, spec in merged["types"].items():
        if name not in PLOVER_TYPES:
            raise KnowledgeError(f"{where('types', name)}: not a PLOVER 2.0 type")
        spec = spec or {}
        if not isinstance(spec, dict):
            raise KnowledgeError(f"{where('types', name)}: must be a mapping with `modes`")
        intent = spec.get("intent")
        if intent is not None and intent not in PLOVER_TYPES:
            raise KnowledgeError(f"{where('types', name)}: intent {intent!r} is not a PLOVER 2.0 type")
        modes = frozenset(_strings(spec.get("modes") or [], where("types", name) + ".modes"))
        types[name] = TypeSpec(modes=modes, intent=intent, threat=spec.get("threat"), asked=spec.get("asked"))
    missing = [name for name in PLOVER_TYPES if name not in types]
    for name, spec_of in types.items():
        if spec_of.asked is not None and spec_of.asked not in types["REQUEST"].modes:
            raise KnowledgeError(f"{where('types', name)}: asked {spec_of.asked!r} is not a REQUEST mode")
    if missing:
        raise KnowledgeError(f"the events packs define no `types` entry for {', '.join(missing)}")

    classes: dict[str, str] = {}
    for cls, words in merged["object_classes"].items():
        for word in _strings(words, where("object_classes", cls)):
            classes[word.lower()] = cls

    cues: dict[str, frozenset[str]] = {}
    for key, words in merged["cues"].items():
        if key not in CUE_KEYS:
            raise KnowledgeError(f"{where('cues', key)}: unknown cue list (use one of {', '.join(CUE_KEYS)})")
        cues[key] = frozenset(w.lower() for w in _strings(words, where("cues", key)))
    for key in CUE_KEYS:
        cues.setdefault(key, frozenset())

    for table in TABLES:
        for key in merged[table]:
            words = key.split()
            # a verb is looked up with one particle, preposition or object; a noun with one modifier or "of X"
            if len(words) > (1 if table == "adjectives" else 2) and not (table == "nouns" and "of" in words[1:2]):
                raise KnowledgeError(f"{where(table, key)}: too many words to ever match (see EVENTS.md, Sections)")
    tables: dict[str, dict[str, Trigger]] = {}
    for table in TABLES:
        tables[table] = {key: _trigger(key, value, where(table, key)) for key, value in merged[table].items()}
        for trigger in tables[table].values():
            _check_modes(trigger, types, where(table, trigger.key))
            for cls in trigger.objects:
                if cls not in set(classes.values()):
                    raise KnowledgeError(f"{where(table, trigger.key)}: object class {cls!r} is not in object_classes")
    # a user's pack > the hand-kept pack > the compiled dictionary
    tables["verbs"] = {**compiled_verbs(frozenset(key.split()[0] for key in tables["verbs"])), **tables["verbs"]}

    contexts: dict[str, tuple[str, ...]] = {}
    for issue, values in merged["issue_contexts"].items():
        contexts[issue] = tuple(_strings(values, where("issue_contexts", issue)))
    # the issues pack, where it maps an issue or sub-issue, says which contexts its terms carry (annotate.issues)
    for pack in packs.of_kind("issues"):
        for issue, spec in (pack.data.get("issues") or {}).items():
            specs = [(issue, spec), *((spec.get("subissues") or {}).items() if isinstance(spec, dict) else [])]
            for name, each in specs:
                if isinstance(each, dict) and isinstance(each.get("contexts"), list):
                    contexts[str(name)] = tuple(str(c) for c in each["contexts"])

    countries, country_names = _countries(packs)
    return EventPatterns(
        types=types,
        verbs=tables["verbs"],
        adjectives=tables["adjectives"],
        nouns=tables["nouns"],
        object_classes=classes,
        cues=cues,
        contexts=contexts,
        countries=countries,
        fingerprint=packs.fingerprint,
        country_names=country_names,
    )


def _check_modes(trigger: Trigger, types: dict[str, TypeSpec], where: str) -> None:
    pairs = [(trigger.type, trigger.mode), *(pair for pair in trigger.objects.values() if pair is not None)]
    for kind, mode in pairs:
        if kind is not None and mode is not None and mode not in types[kind].modes:
            allowed = ", ".join(sorted(types[kind].modes)) or "none"
            raise KnowledgeError(f"{where}: mode {mode!r} is not a mode of {kind} (PLOVER modes: {allowed})")
    if trigger.threat is not None and trigger.threat not in types["THREATEN"].modes:
        raise KnowledgeError(f"{where}: threat {trigger.threat!r} is not a THREATEN mode")


@cache
def _compiled_table() -> dict[str, str | None]:
    data: dict[str, Any] = json.loads(COMPILED.read_text(encoding="utf-8"))
    return {str(key): None if value is None else str(value) for key, value in data["verbs"].items()}


def compiled_verbs(known: frozenset[str]) -> dict[str, Trigger]:
    """The CAMEO verb patterns (packs/plover_cameo.json) as triggers, below every hand-kept and user pack: a verb
    lemma any `events` pack lists is read by that pack alone, so none of its keys come from CAMEO. An entry that
    CAMEO codes as no event ("abandon plan") is a trigger without a type, which the matcher skips. A bare verb
    from CAMEO (its synonym lists are broad) is an event only when it acts on an actor ("harassed the envoy",
    not "harassed the market")."""
    found: dict[str, Trigger] = {}
    for key, value in _compiled_table().items():
        if key.split()[0] in known:
            continue
        if value is None:
            found[key] = Trigger(key)
            continue
        kind, _, mode = value.partition("/")
        status = "threatened" if kind == "THREATEN" else None  # as the hand-kept "threaten"
        found[key] = Trigger(key, kind, mode or None, status=status, needs_target=" " not in key)
    return found
