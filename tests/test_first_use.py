"""The traps of a first hour with the command line, each as a person meets it (issue 16).

Every test here failed on the code before the fix: options after the command, one store per `run --out`,
missing paths and empty results as errors, `serve` without a store or on a busy port, honest status lines,
help without Python types, and a start-up that imports nothing heavy.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.progress import Progress
from typer.testing import CliRunner

from bilateral.cli.common import CountColumn
from bilateral.cli.main import app, hoist_global_options
from bilateral.errors import PortInUse
from bilateral.web import serve

runner = CliRunner()
COMMANDS = ["ingest", "analyze", "run", "export", "search", "stats", "report", "serve"]
BORDER = (
    "Mexico and the United States agreed on Friday to expand cooperation on migration at the border. "
    "Officials said the deal followed weeks of talks about tariffs, asylum seekers and troops. "
) * 4
ISLANDS = (
    "Japan and South Korea resumed talks on Tuesday about export controls on chip materials. "
    "Seoul said it would drop its complaint at the World Trade Organization if Tokyo eased the rules. "
) * 4


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def corpus(folder: Path, **articles: str) -> Path:
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_global_options_are_moved_to_before_the_command() -> None:
    commands = set(COMMANDS)
    assert hoist_global_options(["run", "x", "--db", "x.db", "-q"], commands) == ["--db", "x.db", "-q", "run", "x"]
    assert hoist_global_options(["search", "a", "--db=y.db"], commands) == ["--db=y.db", "search", "a"]
    # after `--` everything is an argument, even what looks like an option
    assert hoist_global_options(["search", "--", "-q"], commands) == ["search", "--", "-q"]
    assert hoist_global_options(["--db", "z.db", "stats"], commands) == ["--db", "z.db", "stats"]


def test_db_and_quiet_after_the_command(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", border=BORDER)
    db = str(tmp_path / "after.db")
    code, output = invoke("ingest", str(folder), "--db", db, "-q")
    assert code == 0, output
    code, output = invoke("stats", "--json", "--db", db)
    assert code == 0 and json.loads(output)["documents"] == 1


@pytest.mark.parametrize("args", [["ingest", "no-such-file.txt"], ["run", "/no/such/folder", "--out", "OUT"]])
def test_a_missing_path_is_a_one_line_error(tmp_path: Path, args: list[str]) -> None:
    args = [arg.replace("OUT", str(tmp_path / "out")) for arg in args]
    code, output = invoke("--db", str(tmp_path / "old.db"), *args)
    assert code == 1
    assert output.startswith("error: no such file or folder") and output.strip().count("\n") == 0
    assert not (tmp_path / "out" / "briefing.html").exists()


def test_run_over_a_folder_without_articles_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, output = invoke("-q", "run", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert code == 1 and "error: no article could be read" in output
    assert not (tmp_path / "out" / "briefing.html").exists()


def test_ingest_that_reads_nothing_fails(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, output = invoke("--db", str(tmp_path / "b.db"), "ingest", str(folder))
    assert code == 1 and "error: no article could be read" in output


@pytest.mark.model
def test_each_run_out_keeps_its_own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # an old ./bilateral.db must not collect the corpora
    monkeypatch.delenv("BILATERAL_DB", raising=False)
    first = corpus(tmp_path / "first", border=BORDER)
    second = corpus(tmp_path / "second", islands=ISLANDS)
    assert invoke("-q", "run", str(first), "--out", "a")[0] == 0
    code, output = invoke("-q", "run", str(second), "--out", "b")
    assert code == 0, output
    assert "store: b/bilateral.db" in output
    assert output.rstrip().splitlines()[-1].startswith("explore it: bilateral serve b")
    documents = json.loads((tmp_path / "b" / "map.json").read_text())["documents"]
    assert len(documents) == 1 and "Japan" in documents[0]["text"]
    assert not (tmp_path / "bilateral.db").exists()

    # a second analyze of the same store says what the store holds, not "0 stories"
    code, output = invoke("analyze", "--db", "b/bilateral.db", "-q")
    assert code == 0 and "nothing new to analyse" in output
    assert "the store holds 1 document," in output


def test_serve_without_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    code, output = invoke("--db", str(tmp_path / "none.db"), "serve")
    assert code == 1 and output.startswith("error: no database") and output.strip().count("\n") == 0
    code, output = invoke("serve", str(tmp_path))  # a folder no run wrote to
    assert code == 1 and output.startswith("error: no database")


def test_serve_on_a_port_in_use_says_so(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PortInUse) as raised:
            serve(tmp_path / "any.db", port=port)
    assert f"127.0.0.1:{port}" in raised.value.message and "--port" in raised.value.hint


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_not_python_types(command: str) -> None:
    code, output = invoke(command, "--help")
    assert code == 0
    for noise in ("<bool>", "<list", "<int", "<path>", "<str>", "[x>="):
        assert noise not in output, (command, noise)


def test_progress_without_a_total_shows_a_count() -> None:
    progress = Progress()
    task = progress.add_task("ingesting", total=None, completed=20)
    assert str(CountColumn().render(progress.tasks[task])) == "20"
    progress.update(task, total=40)
    assert str(CountColumn().render(progress.tasks[task])) == "20/40"


HEAVY = ("spacy", "fastapi", "starlette", "uvicorn", "jinja2", "numpy", "pyarrow", "httpx", "bilateral.pipeline")


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_nothing_heavy(flag: str) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['bilateral', {flag!r}]\n"
        "from bilateral.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"


BILATERAL = Path(sys.executable).with_name("bilateral")


@pytest.mark.model
@pytest.mark.server
@pytest.mark.skipif(not BILATERAL.exists(), reason="the bilateral command is not installed beside this Python")
def test_the_readme_tour_as_written(tmp_path: Path) -> None:
    """The README's tour, command by command, with the installed `bilateral` (as `.venv/bin/bilateral`)."""
    corpus(tmp_path / "articles", border=BORDER, islands=ISLANDS)

    def tour(*args: str) -> str:
        done = subprocess.run([str(BILATERAL), *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    assert "explore it: bilateral serve out" in tour("run", "articles/", "--out", "out/")
    assert (tmp_path / "out" / "bilateral.db").exists() and (tmp_path / "out" / "briefing-evidence.html").exists()
    assert "document" in tour("search", "tariffs", "--db", "out/bilateral.db")
    assert "document" in tour("search", '"export controls" OR tariff*', "--db", "out/bilateral.db", "--since", "2019")
    assert json.loads(tour("stats", "--json", "--db", "out/bilateral.db"))["documents"] == 2
    tour("export", "--format", "csv", "-o", "tables", "--db", "out/bilateral.db")
    assert (tmp_path / "tables" / "events.csv").exists()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(BILATERAL), "serve", "out/", "--port", str(port)], cwd=tmp_path)
    try:
        import httpx

        for _ in range(100):
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                server.poll()
                assert server.returncode is None, "serve exited"
                time.sleep(0.2)
        assert page.status_code == 200 and "Overview" in page.text
    finally:
        server.terminate()
        server.wait(timeout=10)
