"""Schemathesis over the app's own OpenAPI schema: generated requests to every route, valid and not, never get a
server error (5xx). `make test` runs a bounded number of cases; `make fuzz` many more."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.model import Actor, Analysis, Event, Mention
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect
from bilateral.store.documents import save_article
from bilateral.web import create_app
from tests.conftest import make_article

CASES = 3_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 150
TEXT = "Senegal and Mauritania signed a gas agreement in Dakar on Monday. Fishermen protested at the port."


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "schema.db"
    db = connect(path)
    save_article(db, make_article(TEXT, id="doc-1", language="en", outlet="Coastal Wire", published="2024-03-04"))
    end = TEXT.index(".") + 1
    analysis = Analysis(
        "doc-1",
        sentences=[(0, end), (end + 1, len(TEXT))],
        actors={"SEN": Actor("SEN", "Senegal", "country", "SEN", None, ["Senegal"])},
        mentions=[Mention("SEN", "Senegal", 0, 7)],
        events=[Event("AGREE", ["SEN"], ["MRT"], TEXT[:end], 0, end, date="2024-03-04")],
        issues={"energy": 1.0},
    )
    save_analysis(db, analysis, knowledge="k")
    db.close()
    return path


def test_no_generated_request_gets_a_server_error(store: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    strategy = st.one_of([operation.as_strategy() for operation in operations])

    @given(case=strategy)
    @settings(max_examples=CASES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def call(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"

    call()
