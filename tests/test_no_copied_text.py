"""No text copied from the tuning data into the product: `src/` (code, docstrings, comments and knowledge packs)
holds no run of four or more words that also occurs in ../shared/seeds, ../shared/eval/plover_gsr or the dyad
sets' captures (../shared/eval/dyads/*/docs, when present), except the phrases listed in ALLOWED, each with the
reason it may be there, and the packs in GENERATED, compiled from the field's dictionaries. The tests themselves
hold no run of six or more (a copied clause, not a shared name) beyond those and TESTS_ALLOWED.

Words are runs of letters and digits (apostrophes kept inside a word), compared in lower case; punctuation and
line breaks between words are ignored, so "U.S.-Mexico-Canada" is "u s mexico canada". A run of shared n-grams on
one line is reported once, as its longest span; it passes when it lies inside an allowed phrase.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EVAL, ROOT, SEEDS

N = 4
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SCANNED = {".py", ".yaml", ".yml", ".md", ".html", ".js", ".css", ".sql", ".txt", ".json"}
# Packs compiled at build time (`make knowledge`) from the field's dictionaries in ../shared/knowledge-sources:
# the Phoenix actor and agent dictionaries (MIT) and the CAMEO verb table with its PLOVER map (MIT, CC BY-SA 4.0).
# Their names of people, bodies and verb phrases are facts of those dictionaries, not words taken from the tuning
# texts, and nobody writes them by hand: test_world_actors.py and test_events_kinds.py regenerate each file from
# the sources and compare bytes, so nothing copied can be slipped into them.
GENERATED = {
    ROOT / "src/bilateral/knowledge/packs" / name
    for name in ("world_actors.yaml", "world_agents.yaml", "plover_cameo.json")
}

# phrase -> why it may appear in src/ although the tuning data has it too
ALLOWED: dict[str, str] = {
    # proper names of real actors, programmes, offices and regions
    "andrés manuel lópez obrador": "name of Mexico's president 2018-2024 (us_mexico pack)",
    "u s customs and border protection": "name of a US agency (packs)",
    "u s border patrol": "name of a US agency (us_mexico pack)",
    "department of health and human services": "name of a US department (us_mexico pack)",
    "u s chamber of commerce": "name of a US business body (us_mexico pack)",
    "national institute of statistics and geography": "name of Mexico's statistics institute (us_mexico pack)",
    "jalisco new generation cartel cjng": "name of a Mexican cartel and its acronym (pack, actors.py docstring)",
    "united states mexico canada trade agreement": "name of the USMCA (us_mexico pack)",
    "united states mexico canada agreement": "name of the USMCA (us_mexico pack)",
    "u s mexico canada agreement": "name of the USMCA (us_mexico pack, actors.py)",
    "north american free trade": "name of NAFTA (us_mexico pack)",
    "u n security council": "name of a UN body (countries_igo pack)",
    "the global compact for safe orderly and regular migration": "name of a UN compact (spans.py)",
    "the global compact for migration": "short name of the same UN compact (spans.py)",
    "safe orderly and regular migration": "words of the same compact's name, in a written press-release example",
    "northern triangle of central america": "name of a region (spans.py)",
    "the northern triangle of": "start of the same region's name (actors.py comment)",
    "secretary of public security": "name of an office that titles a person (spans.py docstring)",
    "secretaría de relaciones exteriores": "name of Mexico's foreign ministry (us_mexico pack)",
    "fiscalía general de la república": "name of Mexico's attorney general's office (us_mexico pack)",
    "u s trade representative": "name of a US office (us_mexico pack)",
    "national security council nsc": "name of a US body and its acronym (us_mexico pack)",
    "ministry of economy trade and industry": "name of Japan's METI (actors.py, office_holders pack)",
    "the centre for strategic and international studies": "name of a Washington think tank (actors.py docstring)",
    "the political bureau of the central committee of the communist party of china": "full name of China's "
    "Politburo, the body spaCy cuts at 'of the' (actors.py docstring)",
    "the political bureau of the communist party of china": "name of the same Politburo; the tests name Vietnam's, "
    "which is built the same way",
    "white house press secretary": "title of a real US office, the pattern of a body named in a title (actors.py)",
    "the new york times": "name of a newspaper (media pack)",
    "moon jae in held": "South Korea's president 2017-2022 followed by the pack's `held:` key (office_holders pack)",
    "democratic people's republic of korea": "official name of North Korea (countries pack)",
    "united states of america": "official name of the United States (countries pack)",
    "estados unidos de américa": "official Spanish name of the United States (es/countries pack)",
    "departamento de seguridad nacional": "Spanish name of the US Department of Homeland Security (es/actors pack)",
    "oficina de aduanas y protección fronteriza": "Spanish name of US Customs and Border Protection (es/actors)",
    "secretaría de la defensa nacional": "name of Mexico's defence ministry (es/actors pack)",
    "the swiss agency for development and cooperation": "name of an agency that must not trigger COOPERATE",
    # generic page furniture
    "be the first to comment leave a reply": "comment-box furniture of blog pages (boilerplate pack)",
    "skip to main content": "navigation furniture (boilerplate pack)",
    # function-word phrases of no particular sentence
    "is part of a": "function words",
    "at the head of": "function words",
    "of the united states": "function words around a country name",
    "of the u s": "function words around a country name",
    "from the united states": "function words around a country name",
    "the text of a": "function words",
    "from a list of": "function words",
    "this is what is": "function words (EVENTS.md table, events_patterns.py)",
    # licence text
    "out of or in connection with the software": "the MIT licence quoted in build_world.py, which it writes into "
    "the header of the pack it generates",
}
# further phrases the tests may share with the tuning data (six words or more)
TESTS_ALLOWED: dict[str, str] = {
    "of the northern triangle of central america": "a region's name after 'of the'",
    "the secretary of public security of": "an office's name (title test)",
    "under the u s mexico canada agreement": "the USMCA's name after 'under the'",
    "about this publication be the first to comment leave a reply": "comment-box page furniture (cleaning test)",
    "on both sides of the border": "a stock phrase",
    "accused the united states of violating": "a stock accusation frame with a country name",
}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def shared_ngrams(n: int = N) -> set[tuple[str, ...]]:
    """Every n-word sequence of the seed captures, the PLOVER dev sentences and the dyad sets' captures."""
    if not SEEDS.exists() or not (EVAL / "plover_gsr" / "dev.jsonl").exists():
        pytest.skip("../shared/seeds or ../shared/eval/plover_gsr is absent: nothing to compare with")
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.iterdir()) if path.is_file()]
    lines = (EVAL / "plover_gsr" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((EVAL / "dyads").glob("*/docs/*.txt"))]
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        w = words(text)
        grams.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    return grams


def copied_runs(text: str, grams: set[tuple[str, ...]], n: int = N) -> Iterator[tuple[int, str]]:
    """(line number, longest run of words) for each run of shared n-grams on a line of `text`."""
    for number, line in enumerate(text.splitlines(), 1):
        w = words(line)
        starts = [i for i in range(len(w) - n + 1) if tuple(w[i : i + n]) in grams]
        while starts:
            first = last = starts.pop(0)
            while starts and starts[0] <= last + 1:
                last = starts.pop(0)
            yield number, " ".join(w[first : last + n])


def allowed(run: str, phrases: tuple[str, ...] = tuple(ALLOWED)) -> bool:
    return any(f" {run} " in f" {phrase} " for phrase in phrases)


@pytest.mark.eval
def test_src_holds_no_word_sequence_copied_from_seeds_plover_or_dyad_texts() -> None:
    grams = shared_ngrams()
    found = []
    vendored = ROOT / "src" / "bilateral" / "web" / "static" / "vendor"  # third-party files built by make
    for path in sorted((ROOT / "src").rglob("*")):
        if path.is_file() and path.suffix in SCANNED and vendored not in path.parents and path not in GENERATED:
            for number, run in copied_runs(path.read_text(encoding="utf-8", errors="replace"), grams):
                if not allowed(run):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {run!r}")
    assert not found, "word sequences copied from the tuning data:\n" + "\n".join(found)


@pytest.mark.eval
def test_tests_hold_no_clause_copied_from_seeds_plover_or_dyad_texts() -> None:
    grams = shared_ngrams(6)
    phrases = (*ALLOWED, *TESTS_ALLOWED)
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name != Path(__file__).name:
            for number, run in copied_runs(path.read_text(encoding="utf-8"), grams, 6):
                if not allowed(run, phrases):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {run!r}")
    assert not found, "clauses copied from the tuning data into tests:\n" + "\n".join(found)


def test_the_search_finds_a_planted_copy_and_passes_allowed_names() -> None:
    grams = {tuple(words("the embassy closed its doors")[i : i + N]) for i in range(2)}
    text = "# fine line\nx = 1  # The Embassy closed its doors, said the note\n"
    assert list(copied_runs(text, grams)) == [(2, "the embassy closed its doors")]
    assert not allowed("the embassy closed its doors")
    assert allowed("customs and border protection") and not allowed("border protection agency said")
