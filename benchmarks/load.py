"""Bounded load on the web app, on 127.0.0.1 only: 20 clients for 30 s each asking in turn for the overview, a story
and a search, over a store of 1,000 documents. Reports requests/s, p50/p95 latency per page, and errors (any answer
that is not 200, or no answer). Target: zero errors and p95 ≤ 1 s on every page.

The store is built by hand (documents and their analyses written directly, stories found by the corpus pass), so
the benchmark measures the web layer, not the parser: 100 threads of news, each reported by 10 outlets with its own
countries, event type and wording.
"""

from __future__ import annotations

import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TUNED = "speed, n/a"
DOCUMENTS = 1_000
CLIENTS = 20
SECONDS = 30.0
COUNTRIES = [
    ("Brazil", "BRA"), ("Argentina", "ARG"), ("Kenya", "KEN"), ("Ethiopia", "ETH"), ("Japan", "JPN"),
    ("Korea", "KOR"), ("Poland", "POL"), ("Ukraine", "UKR"), ("Peru", "PER"), ("Chile", "CHL"),
    ("Egypt", "EGY"), ("Sudan", "SDN"), ("India", "IND"), ("Nepal", "NPL"), ("Canada", "CAN"), ("Norway", "NOR"),
]  # fmt: skip
DEALS = ["a gas pipeline", "fishing quotas", "a rail link", "grain exports", "a border crossing", "water rights",
         "a power line", "visa rules", "a port lease", "vaccine doses"]  # fmt: skip
TYPES = ["AGREE", "CONSULT", "COOPERATE", "DEMAND", "THREATEN", "AID", "ACCUSE", "REJECT"]
VERBS = {
    "AGREE": "agreed with", "CONSULT": "held talks with", "COOPERATE": "worked with", "DEMAND": "pressed",
    "THREATEN": "threatened", "AID": "sent aid to", "ACCUSE": "accused", "REJECT": "rejected a plan by",
}  # fmt: skip
FIRST = ["Ana", "Tomas", "Leila", "Kofi", "Mira", "Jonas", "Ines", "Ravi", "Sofia", "Emeka"]
LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Duarte", "Haddad", "Novak", "Quispe", "Brandt"]


def build_store(path: Path, documents: int = DOCUMENTS, *, seed: int = 14) -> None:
    """`documents` articles in threads of ten, analysed by hand, then the corpus pass (stories)."""
    from bilateral.model import Actor, Analysis, Event, Mention
    from bilateral.pipeline import relate
    from bilateral.stages import load_knowledge
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    chance = random.Random(seed)
    db = connect(path)
    for index in range(documents):
        thread = index // 10
        (source, a3), (target, b3) = COUNTRIES[thread % 16], COUNTRIES[(thread * 7 + 3) % 16]
        if a3 == b3:
            target, b3 = COUNTRIES[(thread + 1) % 16]
        kind = TYPES[thread % len(TYPES)]
        deal = DEALS[thread % len(DEALS)]
        day = f"2024-{thread % 12 + 1:02d}-{thread % 27 + 1:02d}"
        envoy = f"{FIRST[thread % 10]} {LAST[thread // 10 % 10]}"
        lead = f"{envoy}, the {source} envoy, {VERBS[kind]} {target} over {deal} on {day}, officials said."
        filler = " ".join(
            f"Reporter {chance.randrange(1000)} noted {chance.choice(DEALS)} in paragraph {n}." for n in range(12)
        )
        text = f"{lead} {filler}"
        document = f"doc-{index:04}"
        outlet = f"Outlet {index % 10}"
        save_article(db, make_article(text, id=document, language="en", outlet=outlet, published=day))
        end = len(lead)
        analysis = Analysis(
            document,
            sentences=[(0, end), *[(end + 1 + 60 * n, end + 1 + 60 * n + 50) for n in range(3)]],
            actors={
                f"P{thread}": Actor(f"P{thread}", envoy, "person", a3, "GOV", [envoy]),
                b3: Actor(b3, target, "country", b3, None, [target]),
            },
            mentions=[Mention(f"P{thread}", envoy, 0, len(envoy))],
            events=[Event(kind, [f"P{thread}"], [b3], lead, 0, end, date=day)],
            issues={"trade": 1.0},
        )
        save_analysis(db, analysis, knowledge="load")
    relate(db, load_knowledge(), embeddings=False)
    db.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(path: Path, port: int) -> subprocess.Popen[bytes]:
    """`bilateral serve` in its own process (as a user runs it), bound to 127.0.0.1."""
    command = [sys.executable, "-m", "bilateral.cli", "--db", str(path), "serve", "--host", "127.0.0.1"]
    server = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.05)
    server.kill()
    raise RuntimeError("the server did not start")


def _client(base: str, pages: dict[str, str], until: float, found: dict[str, list[float]], errors: list[str]) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=30.0) as client:
        names = list(pages)
        turn = 0
        while time.monotonic() < until:
            name = names[turn % len(names)]
            turn += 1
            started = time.perf_counter()
            try:
                status = client.get(pages[name]).status_code
            except httpx.HTTPError as e:
                errors.append(f"{name}: {type(e).__name__}")
                continue
            found[name].append(time.perf_counter() - started)
            if status != 200:
                errors.append(f"{name}: HTTP {status}")


def run_load(path: Path, *, clients: int = CLIENTS, seconds: float = SECONDS) -> dict[str, float | int | str]:
    """Serve the store on 127.0.0.1 and measure `clients` concurrent clients for `seconds`."""
    import sqlite3

    db = sqlite3.connect(path)
    story = db.execute("SELECT id FROM stories ORDER BY documents DESC, id LIMIT 1").fetchone()
    db.close()
    if story is None:
        raise RuntimeError("the corpus pass found no story in the load store")
    pages = {"overview": "/", "story": f"/stories/{story[0]}", "search": "/search?q=pipeline+officials"}
    port = _free_port()
    server = _serve(path, port)
    found: dict[str, list[float]] = {name: [] for name in pages}
    errors: list[str] = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(f"http://127.0.0.1:{port}", pages, until, found, errors))
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    server.terminate()
    server.wait(30)
    result: dict[str, float | int | str] = {"clients": clients, "seconds": seconds, "errors": len(errors)}
    total = sum(len(times) for times in found.values())
    result["requests/s"] = round(total / seconds, 1)
    for name, times in found.items():
        ordered = sorted(times)
        result[f"{name} p50 ms"] = round(1000 * statistics.median(ordered), 1) if ordered else "n/a"
        result[f"{name} p95 ms"] = round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else "n/a"
    if errors:
        result["first error"] = errors[0]
    return result


def main() -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "load.db"
        started = time.perf_counter()
        build_store(path)
        built = time.perf_counter() - started
        result = run_load(path)
    return {"documents": DOCUMENTS, "store built s": round(built, 1), **result}


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
