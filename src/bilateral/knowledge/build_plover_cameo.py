"""Generate `packs/plover_cameo.json`: the CAMEO verb dictionary of PETRARCH2 mapped to PLOVER 2.0 types and modes.

Run `python -m bilateral.knowledge.build_plover_cameo [KNOWLEDGE_SOURCES]` (default `../shared/knowledge-sources`);
the output is committed and `tests/test_plover_cameo.py` regenerates it and compares bytes. The sources are read
only here, never at run time:
- `petrarch2/CAMEO.2.0.txt` (MIT, Open Event Data Alliance): verb blocks, each a list of verb lemmas with an
  optional CAMEO code, and phrase patterns `- * OBJECT [code]` after them;
- `plover/CAMEO2PLOVER-2021.txt` (CC BY-SA 4.0, PLOVER draft 0.8): CAMEO code -> PLOVER type and mode.
The JSON is derived from the crosswalk, so it is CC BY-SA 4.0 too, and its header says so.

What is kept is what bilateral's matcher can read from a parse: a verb lemma with its own code (`"abort"`), a
multi-word verb of two words (`"call off"`), a verb with one object noun (`"impose curfew"`, synonym sets
expanded, plural and singular both listed) and a verb with one bare preposition (`"rush to"`). A pattern whose
code is `[---]` is kept as `null`: that phrase is no event ("abandon plan"). Patterns with subject words,
several object words or prepositional phrases with objects are left out. CAMEO 01 (statements) and 02 (appeals)
have no PLOVER type in the crosswalk and are left out; a mode PLOVER 2.0 does not list is dropped, the type kept.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from bilateral.extract.events_patterns import PLOVER_TYPES

OUT = Path(__file__).parent / "packs" / "plover_cameo.json"
DEFAULT_SOURCES = Path(__file__).resolve().parents[4] / "shared" / "knowledge-sources"
CAMEO = "petrarch2/CAMEO.2.0.txt"
CROSSWALK = "plover/CAMEO2PLOVER-2021.txt"
PATTERN = re.compile(r"^-\s+(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")
HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]\s+---")
VERB = re.compile(r"^(?P<plus>\+?)(?P<word>[A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?")
WORD = re.compile(r"^&?[A-Z][A-Z'-]*_?$")
# "Engage in" codes of the cooperative root classes (express intent to cooperate, consult, support, cooperate,
# aid, yield): CAMEO gives them to whole WordNet synonym sets ("benefit", "improve", "resolve"), which on news
# prose code ordinary words as events. Their specific sub-codes (0311, 042, 057 ...) are kept.
GENERIC = {"030", "040", "050", "060", "070", "080"}


def crosswalk(text: str) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), from lines like `0841: RETREAT, release,   legal # ...`."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in text.splitlines():
        code, colon, rest = line.partition(":")
        if not colon or not code.strip().isdigit():
            continue
        fields = [f.strip() for f in rest.split("#")[0].split(",")]
        if fields and fields[0] in PLOVER_TYPES:
            table[code.strip()] = (fields[0], fields[1] if len(fields) > 1 and fields[1] else None)
    return table


def _word(token: str) -> str:
    return token.strip("_").replace("_", " ").lower()


def _forms(noun: str) -> list[str]:
    """The noun and a likely singular ("sanctions" -> "sanction", "talks" -> "talk", "embassies" -> "embassy"):
    the matcher looks objects up by lemma, and a form that is not a word never matches."""
    forms = [noun]
    if noun.endswith("ies") and len(noun) > 4:
        forms.append(noun[:-3] + "y")
    elif noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        forms.append(noun[:-1])
    return forms


def compile_cameo(cameo: str, crosswalk_text: str) -> dict[str, str | None]:
    """Pattern key -> "TYPE" or "TYPE/mode", or None for a phrase that is no event; sorted by key."""
    plover = crosswalk(crosswalk_text)
    modes = _plover_modes()

    def convert(code: str) -> str | None:
        """A PLOVER entry, None for `---` (no event), "" where the crosswalk has nothing (leave out)."""
        code = code.split(":")[0].strip()
        if code in {"---", ""}:
            return None
        if code not in plover or code in GENERIC:
            return ""
        kind, mode = plover[code]
        return f"{kind}/{mode}" if mode in modes.get(kind, ()) else kind

    synonyms: dict[str, list[str]] = {}
    table: dict[str, str | None] = {}
    name: str | None = None
    block_code, head = "---", ""
    verbs: list[str] = []
    in_patterns = False
    for raw in cameo.splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if not in_patterns:
            if line.startswith("&"):
                name = line.split()[0]
                synonyms[name] = []
            elif line.startswith("+") and name is not None:
                synonyms[name].append(_word(line[1:].split()[0]))
            continue
        if (header := HEADER.match(line)) is not None:
            block_code, verbs, head = header["code"], [], _word(header["name"])
            continue
        if line.startswith("-"):
            pattern = PATTERN.match(line)
            if pattern is None:
                continue
            entry = convert(pattern["code"])
            if entry == "":
                continue
            objects = _objects(pattern["body"].split(), synonyms)
            for verb in verbs:
                for obj in objects:
                    table.setdefault(f"{verb} {obj}", entry)
            continue
        verb_line = VERB.match(line.strip())
        if verb_line is None:
            continue
        words = _word(verb_line["word"]).split()
        if len(words) > 2:
            continue
        verb = " ".join(words)
        if verb != head and not verb_line["code"]:
            continue  # a synonym the block only lists (WordNet's): too loose to code events on its own
        if len(words) == 1:
            verbs.append(verb)
        entry = convert(verb_line["code"] or block_code)
        if entry:
            table.setdefault(verb, entry)
    return dict(sorted(table.items()))


def _objects(tokens: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """The single object word (or bare preposition) a `* X` pattern names, synonym sets expanded; [] otherwise."""
    if len(tokens) != 2 or tokens[0] != "*":
        return []
    token = tokens[1]
    if token.startswith("(") and token.endswith(")") and WORD.match(token[1:-1]):
        return [_word(token[1:-1])]  # "(TO)": the verb with this preposition
    if not WORD.match(token) or token.startswith("&"):
        return []  # a synonym set spans hundreds of nouns of uneven fit; the matcher's object classes do that job
    return _forms(_word(token))


def _plover_modes() -> dict[str, set[str]]:
    """PLOVER 2.0 modes of each type, as the hand-kept plover pack lists them."""
    import yaml

    data: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "packs" / "plover.yaml").read_text("utf-8"))
    return {kind: set(spec.get("modes") or []) for kind, spec in data["types"].items()}


def build(sources: Path) -> str:
    """The JSON text of the compiled pack (deterministic: same sources, same bytes)."""
    table = compile_cameo(
        (sources / CAMEO).read_text(encoding="utf-8", errors="replace"),
        (sources / CROSSWALK).read_text(encoding="utf-8"),
    )
    document = {
        "about": (
            "Generated by `python -m bilateral.knowledge.build_plover_cameo` from PETRARCH2's CAMEO.2.0.txt "
            "(MIT, Copyright (c) 2015 Open Event Data Alliance; openeventdata/petrarch2 @676801c) and "
            "CAMEO2PLOVER-2021.txt (PLOVER draft 0.8, CC BY-SA 4.0; openeventdata/PLOVER @5e0c24f). "
            "Licence of this table: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). "
            "Do not edit: regenerate."
        ),
        "kind": "events-compiled",
        "verbs": table,
    }
    lines = ["{"]
    lines.append(f'  "about": {json.dumps(document["about"])},')
    lines.append(f'  "kind": {json.dumps(document["kind"])},')
    lines.append('  "verbs": {')
    items = [f"    {json.dumps(key)}: {json.dumps(value)}" for key, value in table.items()]
    lines.append(",\n".join(items))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sources = Path(args[0]) if args else DEFAULT_SOURCES
    OUT.write_text(build(sources), encoding="utf-8")


if __name__ == "__main__":
    main()
