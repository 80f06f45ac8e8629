from __future__ import annotations

import sqlite3

import pytest

from bilateral.errors import BadQuery
from bilateral.store.documents import save_article
from bilateral.store.search import search
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
def test_malformed_queries_raise_bad_query(filled: sqlite3.Connection, query: str) -> None:
    with pytest.raises(BadQuery):
        search(filled, query)
