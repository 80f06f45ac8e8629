"""Corpus pass scaling: the cross-document pass (load, stories, figure comparisons, save) on synthetic corpora of
1,000 and 10,000 documents, its time and peak memory, and the growth between them.

The corpus is generated here with a fixed seed, so every run measures the same documents: happenings (one
person, two countries, a PLOVER type, a day, a count) each told by three documents in their own words, every
document also holding background sentences of words drawn from a large made-up vocabulary. Documents and their
analyses are written to a store with the ordinary functions, then `relate` runs on it. Growth is reported as the
exponent k of CPU time ∝ n^k between the two sizes: n log n between 1k and 10k is k ≈ 1.12, n² is 2. Sentence
embeddings are off here (their cost is one encoding per event sentence, linear; measured on the dyads).
Also reported: the share of each size's happenings found as one story (a check that blocking loses nothing).
A second pass has one report in three written in Spanish, its lead naming neither the person, nor a country, nor
a word of the English leads (the person is named in a later sentence): those reports join their happening's story
only through the cross-language blocking (countries, side of action, date, and a rare actor both documents name).
Last, documents arriving: a store of 1,000 and of 10,000 documents after its corpus pass, then ARRIVING more of the
same kind; the corpus pass as `analyze` runs it (the tables, store.refresh; then stories and comparisons) is
timed as it runs now, rewriting only what the arrivals change, and as a full pass over the same store (every
document's tables rewritten from its stored result, as before the tables were refreshed incrementally), on two
copies of one store in one run; both copies' JSON exports must be the same bytes.
"""

from __future__ import annotations

import hashlib
import math
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from bilateral.model import Actor, Analysis, Article, Event, Figure, Mention
from bilateral.pipeline import VectorCounts, relate
from bilateral.stages import Knowledge, load_knowledge
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect
from bilateral.store.documents import save_article

TUNED = "synthetic (speed), n/a"
SIZES = (1_000, 10_000)
REPORTS = 3  # documents telling each happening
BACKGROUND = 6  # background sentences per document
SEED = 20261129
ARRIVING = 4  # documents added to an analysed store
COUNTRIES = [
    ("NOR", "Norway", "Norwegian"), ("SWE", "Sweden", "Swedish"), ("FIN", "Finland", "Finnish"),
    ("PER", "Peru", "Peruvian"), ("CHL", "Chile", "Chilean"), ("KEN", "Kenya", "Kenyan"),
    ("GHA", "Ghana", "Ghanaian"), ("VNM", "Vietnam", "Vietnamese"), ("NPL", "Nepal", "Nepalese"),
    ("BRA", "Brazil", "Brazilian"), ("ARG", "Argentina", "Argentine"), ("EGY", "Egypt", "Egyptian"),
]  # fmt: skip
ACTIONS = [("COERCE", "detained"), ("CONSULT", "met"), ("SANCTION", "fined"), ("AGREE", "signed a pact with"),
           ("ACCUSE", "accused"), ("AID", "sent help to"), ("PROTEST", "protested against")]  # fmt: skip
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tu", "vo", "bel", "dor", "fi", "gan", "hu", "ji", "kor", "lun", "mar"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


ACTIONS_ES = {"COERCE": "detuvieron", "CONSULT": "recibieron", "SANCTION": "multaron", "AGREE": "pactaron con",
              "ACCUSE": "acusaron", "AID": "ayudaron", "PROTEST": "protestaron ante"}  # fmt: skip


def corpus(n: int, rng: random.Random, *, spanish: bool = False) -> list[tuple[Article, Analysis]]:
    """n documents: n / REPORTS happenings, each told by REPORTS documents in shuffled order; with `spanish`, every
    REPORTS-th document is written in Spanish."""
    vocabulary = [_word(rng, 3) for _ in range(5_000)]
    happenings = []
    for h in range(math.ceil(n / REPORTS)):
        (a, a_name, a_adj), (b, b_name, _) = rng.sample(COUNTRIES, 2)
        kind, verb = rng.choice(ACTIONS)
        person = f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}"
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        happenings.append((h, a, a_name, a_adj, b, b_name, kind, verb, person, day, rng.randint(10, 900)))
    slots = [h for h in happenings for _ in range(REPORTS)][:n]
    rng.shuffle(slots)
    documents = []
    for d, (h, a, a_name, a_adj, b, b_name, kind, verb, person, day, count) in enumerate(slots):
        stated = count + rng.choice([0, 0, 0, 1, -1])
        language = "es" if spanish and d % REPORTS == 0 else "en"
        lead = f"{a_adj} officials {verb} {person} of {b_name} on {day}, a report said."
        second = f"{stated} {rng.choice(['workers', 'people', 'traders'])} were affected in {a_name}, officials said."
        background = [" ".join(rng.sample(vocabulary, 9)).capitalize() + "." for _ in range(BACKGROUND)]
        named = lead
        if language == "es":
            lead = f"Las autoridades {ACTIONS_ES[kind]} a un ciudadano extranjero el {day}."  # no country named
            second = f"{stated} personas resultaron afectadas en {a_name}, dijeron las autoridades."
            named = background[0] = f"El caso de {person} sigue abierto."
        sentences = [lead, second, *background]
        text = " ".join(sentences)
        spans, at = [], 0
        for sentence in sentences:
            spans.append((at, at + len(sentence)))
            at += len(sentence) + 1
        id = hashlib.sha1(f"{SEED}:{d}".encode()).hexdigest()[:16]
        article = Article(id=id, source=f"synthetic/{d:05d}-h{h}.txt", raw_hash=id, text=text, published=day,
                          outlet=f"Outlet {d % 40}", language=language)  # fmt: skip
        actor = "person-" + hashlib.sha1(person.encode()).hexdigest()[:10]
        at = text.index(named) + named.index(person)
        analysis = Analysis(
            id,
            sentences=spans,
            actors={actor: Actor(actor, person, "person", b, None, [])},
            mentions=[Mention(actor, person, at, at + len(person))],
            events=[
                # the Spanish lead's target is the other country: it names no one the English leads name
                Event(
                    kind,
                    [a],
                    [actor if language == "en" else b],
                    lead,
                    0,
                    len(lead),
                    source_countries=[a],
                    target_countries=[b],
                    date=day,
                )
            ],
            figures=[Figure(float(stated), second, spans[1][0], spans[1][1], counted=second.split()[1], date=day)],
        )
        documents.append((article, analysis))
    return documents


def measure(n: int, folder: Path, *, spanish: bool = False) -> dict[str, float]:
    rng = random.Random(SEED + n)
    db = connect(folder / f"scale-{n}{'-es' if spanish else ''}.db")
    for article, analysis in corpus(n, rng, spanish=spanish):
        save_article(db, article)
        save_analysis(db, analysis, knowledge="synthetic")
    knowledge = load_knowledge()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    stories, comparisons = relate(db, knowledge, embeddings=False)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # a happening is found when its documents (by the h<number> in their source) sit in one story
    told: dict[str, set[str]] = {}
    for row in db.execute("SELECT id, source FROM documents"):
        told.setdefault(row["source"].split("-h")[-1], set()).add(row["id"])
    held = [
        {row["document"] for row in db.execute("SELECT DISTINCT document FROM story_items WHERE story = ?", (s[0],))}
        for s in db.execute("SELECT id FROM stories")
    ]
    found = sum(any(documents <= story for story in held) for documents in told.values() if len(documents) > 1)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak / 1024,
        "grown_mb": max(0, peak - before) / 1024,
        "stories": stories,
        "comparisons": comparisons,
        "found": found / max(1, sum(len(d) > 1 for d in told.values())),
    }


def corpus_pass(db: sqlite3.Connection, knowledge: Knowledge) -> tuple[float, int, int]:
    """The corpus pass as `analyze` runs it: CPU seconds, documents rewritten, rows of stories written."""
    from bilateral.store.refresh import refresh_tables

    cpu = time.process_time()
    rewritten = len(refresh_tables(db, knowledge.annotate.actors).rewritten)
    counts = VectorCounts()
    relate(db, knowledge, embeddings=False, vectors=counts)
    return time.process_time() - cpu, rewritten, counts.rows


def arriving(n: int, folder: Path, knowledge: Knowledge) -> dict[str, float | int | str]:
    """A store of n documents after its corpus pass, then ARRIVING more: the pass timed as it runs (only what they
    change) and as a full pass (every document's tables rewritten), on two copies of the store."""
    from bilateral.export import write_export

    documents = corpus(n + ARRIVING, random.Random(SEED + n))
    db = connect(folder / f"arriving-{n}.db")
    for article, analysis in documents[:n]:
        save_article(db, article)
        save_analysis(db, analysis, knowledge="synthetic")
    corpus_pass(db, knowledge)
    for article, analysis in documents[n:]:
        save_article(db, article)
        save_analysis(db, analysis, knowledge="synthetic")
    full = connect(folder / f"arriving-{n}-full.db")
    db.backup(full)
    with full:  # as a store whose tables were never refreshed: every document's rewritten from its result
        full.execute("UPDATE store_state SET corpus_merged = 0 WHERE id = 1")
    seconds, rewritten, rows = corpus_pass(db, knowledge)
    full_seconds, full_rewritten, _ = corpus_pass(full, knowledge)
    same = [write_export(store, "json", folder / f"{n}-{k}.json")[0].read_bytes() for k, store in enumerate((db, full))]
    stories = db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    db.close()
    full.close()
    label = f"{ARRIVING} documents added to {n:,}"
    return {
        f"corpus pass: CPU seconds, {label}": round(seconds, 2),
        f"corpus pass: CPU seconds, {label}, full pass (every document's tables rewritten)": round(full_seconds, 2),
        f"corpus pass: {label}, ÷ the full pass": round(seconds / full_seconds, 3),
        f"corpus pass: {label}, documents rewritten (full pass)": f"{rewritten} ({full_rewritten})",
        f"corpus pass: {label}, rows of stories written (stories and items: {stories} stories)": rows,
        f"corpus pass: {label}, exports identical to the full pass": "yes" if same[0] == same[1] else "NO",
    }


def main() -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {}
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            results[n] = result = measure(n, Path(folder))
            label = f"{n:,} documents"
            metrics[f"corpus pass: CPU seconds, {label}"] = round(result["cpu"], 2)
            metrics[f"corpus pass: wall seconds, {label}"] = round(result["seconds"], 2)
            metrics[f"corpus pass: peak memory MB (process), {label}"] = round(result["peak_mb"], 1)
            metrics[f"corpus pass: stories, {label}"] = int(result["stories"])
            metrics[f"corpus pass: figure comparisons, {label}"] = int(result["comparisons"])
            metrics[f"corpus pass: happenings found as one story, {label}"] = round(result["found"], 3)
        mixed = {n: measure(n, Path(folder), spanish=True) for n in SIZES}
    small, large = SIZES
    # CPU time: on a shared machine wall time measures the neighbours too
    exponent = math.log(results[large]["cpu"] / results[small]["cpu"]) / math.log(large / small)
    metrics["corpus pass: growth exponent k (time ∝ n^k; n log n ≈ 1.12, n² = 2)"] = round(exponent, 2)
    for n in SIZES:
        label = f"{n:,} documents, a third in Spanish"
        metrics[f"corpus pass: CPU seconds, {label}"] = round(mixed[n]["cpu"], 2)
        metrics[f"corpus pass: happenings found as one story, {label}"] = round(mixed[n]["found"], 3)
    exponent = math.log(mixed[large]["cpu"] / mixed[small]["cpu"]) / math.log(large / small)
    metrics["corpus pass: growth exponent k, a third in Spanish"] = round(exponent, 2)
    with tempfile.TemporaryDirectory() as folder:
        knowledge = load_knowledge()
        for n in SIZES:
            metrics |= arriving(n, Path(folder), knowledge)
    return metrics


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
