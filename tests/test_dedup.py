from __future__ import annotations

import sqlite3

from bilateral.clean import dedup
from bilateral.store.documents import Saved, save_article
from tests.conftest import make_article

ORIGINAL = (
    "Mexico agreed to deploy National Guard troops to its southern border after Washington threatened tariffs "
    "on all Mexican imports. The agreement also expanded a programme that returns asylum seekers to Mexico while "
    "their cases are heard in American courts. Officials in both capitals described the talks as difficult but "
    "productive, and said they would review progress within ninety days. Critics on both sides of the border "
    "argued that the deal traded migrant protection for commercial peace, and that it left thousands of people "
    "waiting in dangerous border towns for months."
)
OTHER = (
    "The central bank held interest rates steady on Thursday, citing persistent inflation in services and a "
    "strong labour market. Analysts had expected the decision and said the next move would depend on wage data "
    "due later this month. Markets barely moved after the announcement, and the currency traded in a narrow range "
    "for most of the afternoon while investors waited for further guidance from the governor's press conference."
)


def test_exact_copy_differing_only_in_case_and_spacing_has_the_same_fingerprint() -> None:
    assert dedup.text_hash(ORIGINAL) == dedup.text_hash("  " + ORIGINAL.upper().replace(" ", "   "))


def test_near_copy_is_similar_and_unrelated_text_is_not() -> None:
    original = dedup.signature(ORIGINAL)
    syndicated = dedup.signature(ORIGINAL + " This article first appeared in The Border Weekly.")
    other = dedup.signature(OTHER)
    assert original is not None and syndicated is not None and other is not None
    assert dedup.similarity(original, syndicated) >= dedup.THRESHOLD
    assert dedup.similarity(original, other) < 0.2


def test_signatures_are_deterministic_and_survive_the_database() -> None:
    first = dedup.signature(ORIGINAL)
    assert first is not None
    assert (dedup.from_blob(dedup.to_blob(first)) == dedup.signature(ORIGINAL)).all()


def test_too_short_texts_get_no_signature() -> None:
    assert dedup.signature("Too short to compare.") is None


def test_duplicates_are_stored_and_marked_not_dropped(db: sqlite3.Connection) -> None:
    assert save_article(db, make_article(ORIGINAL, id="first")) is Saved.ADDED
    assert save_article(db, make_article(ORIGINAL.replace("  ", " ") + "\n", id="exact")) is Saved.DUPLICATE
    near = ORIGINAL + " This article first appeared in The Border Weekly."
    assert save_article(db, make_article(near, id="near")) is Saved.DUPLICATE
    assert save_article(db, make_article(OTHER, id="other")) is Saved.ADDED
    rows = dict(db.execute("SELECT id, duplicate_of FROM documents").fetchall())
    assert rows == {"first": None, "exact": "first", "near": "first", "other": None}


def test_an_exact_duplicate_lends_its_richer_metadata_to_the_original(db: sqlite3.Connection) -> None:
    """A bare text file read first, then a JSONL line of the same words with title, date and outlet: the stored
    original ends up with the metadata, and is analysed again."""
    from bilateral.store.documents import Saved, load_article, save_article
    from tests.conftest import make_article

    text = "Ministers from both countries met in Lima on Tuesday and agreed to reopen the consulates next month. " * 3
    assert save_article(db, make_article(text, id="bare")) is Saved.ADDED
    db.execute("INSERT INTO analyses (document, knowledge, analysed_at) VALUES ('bare', 'k', '2021')")
    rich = make_article(
        text + " ", id="rich", title="Consulates to reopen", published="2021-05-04", outlet="The Andes Post"
    )
    assert save_article(db, rich) is Saved.DUPLICATE
    original = load_article(db, "bare")
    assert original is not None
    assert (original.title, original.published, original.outlet) == (
        "Consulates to reopen",
        "2021-05-04",
        "The Andes Post",
    )
    assert db.execute("SELECT COUNT(*) FROM analyses WHERE document = 'bare'").fetchone()[0] == 0


def test_a_bare_duplicate_takes_nothing_from_a_richer_original(db: sqlite3.Connection) -> None:
    from bilateral.store.documents import load_article, save_article
    from tests.conftest import make_article

    text = "The two central banks renewed their currency swap line for another three years, officials said. " * 3
    save_article(db, make_article(text, id="first", title="Swap line renewed", outlet="Harbour Times"))
    save_article(db, make_article(text + "\n", id="second"))
    original = load_article(db, "first")
    assert original is not None and (original.title, original.outlet) == ("Swap line renewed", "Harbour Times")
