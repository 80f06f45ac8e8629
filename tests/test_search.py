from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bilateral.errors import BadQuery
from bilateral.store.db import migrate, migrations
from bilateral.store.documents import save_article
from bilateral.store.search import count, search
from tests.conftest import make_article


@pytest.fixture
def filled(db: sqlite3.Connection) -> sqlite3.Connection:
    save_article(db, make_article("Tariffs were threatened over migration. " * 8, id="t", title="Tariff threat",
                                  outlet="A", published="2019-06-01"))  # fmt: skip
    save_article(db, make_article("Vaccines were shipped south in March. " * 8, id="v", title="Vaccine loan",
                                  outlet="B", published="2021-03-20"))  # fmt: skip
    save_article(db, make_article("A note on tariffs and energy reform. " * 8, id="e", title="Energy",
                                  outlet="B", published="2021-05-01"))  # fmt: skip
    return db


def test_search_ranks_and_highlights(filled: sqlite3.Connection) -> None:
    hits = search(filled, "tariff*")
    assert hits[0].document == "t"
    assert {hit.document for hit in hits} == {"t", "e"}
    assert "[Tariffs]" in hits[0].snippet


def test_search_filters_by_outlet_and_date(filled: sqlite3.Connection) -> None:
    assert [h.document for h in search(filled, "tariffs", outlet="B")] == ["e"]
    assert [h.document for h in search(filled, "tariffs", since="2020-01-01")] == ["e"]


def test_accents_do_not_matter(db: sqlite3.Connection) -> None:
    save_article(db, make_article("López Obrador spoke at length about the border. " * 6, id="a"))
    assert [h.document for h in search(db, "lopez")] == ["a"]


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "tariffs NOT", "(((", ""])
def test_malformed_expressions_raise_bad_query_with_syntax(filled: sqlite3.Connection, query: str) -> None:
    with pytest.raises(BadQuery):
        search(filled, query, syntax=True)


@pytest.fixture
def punctuated(db: sqlite3.Connection) -> sqlite3.Connection:
    text = (
        "The U.S. envoy, Ms O'Brien, said US-Mexico trade worth $3.5 billion faced a new tariff on steel. "
        "Officials met again in the spring. "
    ) * 4
    save_article(db, make_article(text, id="p", title="Trade talks", outlet="C", published="2022-04-02"))
    save_article(db, make_article("Farmers protested over water rights in the north. " * 8, id="w", title="Water"))
    return db


@pytest.mark.parametrize("query", ["U.S.", "US-Mexico", "O'Brien", "$3.5 billion", "tariff OR", '"new tariff'])
def test_plain_words_with_punctuation_are_searched_as_written(punctuated: sqlite3.Connection, query: str) -> None:
    assert [h.document for h in search(punctuated, query)] == ["p"]


def test_words_are_stemmed(punctuated: sqlite3.Connection) -> None:
    assert [h.document for h in search(punctuated, "tariffs")] == ["p"]
    assert [h.document for h in search(punctuated, "protesting farmer")] == ["w"]


def test_a_dash_leaves_a_word_out_and_a_star_is_a_prefix(punctuated: sqlite3.Connection) -> None:
    assert [h.document for h in search(punctuated, "officials -steel")] == []
    assert [h.document for h in search(punctuated, "officials -water")] == ["p"]
    assert [h.document for h in search(punctuated, "farm*")] == ["w"]
    with pytest.raises(BadQuery):
        search(punctuated, "-steel")


def test_well_formed_expressions_keep_their_meaning(punctuated: sqlite3.Connection) -> None:
    assert sorted(h.document for h in search(punctuated, "steel OR water")) == ["p", "w"]
    assert [h.document for h in search(punctuated, "title:water")] == ["w"]


def test_count_gives_every_match_and_until_takes_the_whole_day(punctuated: sqlite3.Connection) -> None:
    assert count(punctuated, "steel OR water") == 2
    assert count(punctuated, "steel", until="2022-04-02") == 1
    assert count(punctuated, "steel", until="2022-04") == 1
    assert count(punctuated, "steel", since="2022-05") == 0


def test_a_store_from_before_stemming_is_reindexed(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    old.row_factory = sqlite3.Row
    stemming = next(number for number, sql in migrations() if "porter" in sql)
    for number, sql in migrations():
        if number < stemming:
            old.executescript(sql)
            old.execute(f"PRAGMA user_version = {number}")
    save_article(old, make_article("A tariff was imposed on steel. " * 8, id="s"))
    assert [row[0] for row in old.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'tariffs'")] == []
    migrate(old)
    assert [h.document for h in search(old, "tariffs")] == ["s"]
