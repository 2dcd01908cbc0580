"""The CLI through its real entry point (``python -m accord``), on the bundled examples."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_support import accord

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("demo")
    proc = accord(
        "run",
        str(EXAMPLES),
        "--db",
        str(folder / "a.db"),
        "--published",
        "2026-03-14",
        "--json",
        str(folder / "out.json"),
        "--markdown",
        str(folder / "d.md"),
        "--html",
        str(folder / "d.html"),
        cwd=folder,
    )
    return folder, proc


def test_cli_run_examples_exit_zero_and_valid_export(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, proc = demo
    assert proc.returncode == 0, proc.stderr
    export = json.loads((folder / "out.json").read_text())
    assert export["schema"] == "accord/1"
    assert len(export["articles"]) == 3
    texts = {a["id"]: a["text"] for a in export["articles"]}
    spans = (
        [m for e in export["entities"] for m in e["mentions"]] + export["quotes"] + export["events"]
    )
    spans += [s for f in export["facts"] for s in f["support"] + f["conflicts"]]
    assert spans
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]
    names = {a for e in export["entities"] for a in e["aliases"]}
    assert {"Ostravia", "Kelmar"} <= names


def test_cli_run_writes_dossiers(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, _ = demo
    html = (folder / "d.html").read_text()
    assert "<script>window.tracking" not in html
    assert "Ostravia" in html and "Ostravia" in (folder / "d.md").read_text()


def test_cli_rerun_changes_nothing(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, _ = demo
    proc = accord(
        "run",
        str(EXAMPLES),
        "--db",
        str(folder / "a.db"),
        "--json",
        str(folder / "again.json"),
        "-q",
        cwd=folder,
    )
    assert proc.returncode == 0, proc.stderr
    first = json.loads((folder / "out.json").read_text())
    again = json.loads((folder / "again.json").read_text())
    assert [a["id"] for a in again["articles"]] == [a["id"] for a in first["articles"]]
    assert len(again["entities"]) == len(first["entities"])


def test_cli_show_and_export_read_the_database(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, _ = demo
    shown = accord("show", "--db", str(folder / "a.db"), cwd=folder)
    assert shown.returncode == 0, shown.stderr
    assert "Ostravia" in shown.stdout or "Kelmar" in shown.stdout
    exported = accord("export", "--format", "json", "--db", str(folder / "a.db"), cwd=folder)
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["articles"]) == 3
    csv_dir = folder / "csv"
    assert (
        accord(
            "export", "-f", "csv", "-o", str(csv_dir), "--db", str(folder / "a.db"), cwd=folder
        ).returncode
        == 0
    )
    assert (csv_dir / "facts.csv").is_file() and (csv_dir / "mentions.csv").read_text().count(
        "\n"
    ) > 5


def test_cli_bad_inputs_exit_one_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Talks in Oslo\nIngrid Larsen met Tomas Berg in Oslo on Monday.\n"
    )
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 talks\nTalks in Oslo ended on Friday.\n")
    proc = accord("run", str(tmp_path), "--no-db", "--json", str(tmp_path / "o.json"), cwd=tmp_path)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "blob.bin" in proc.stderr
    # each skip is listed once, and the repaired encoding is said
    assert proc.stderr.count("blob.bin") == 1
    assert "latin.txt" in proc.stderr and "invalid UTF-8" in proc.stderr
    export = json.loads((tmp_path / "o.json").read_text())
    assert len(export["articles"]) == 2
    assert {Path(s["path"]).name for s in export["skipped"]} == {"empty.txt", "blob.bin"}


def test_cli_stdin(tmp_path: Path) -> None:
    proc = accord(
        "run",
        "-",
        "--no-db",
        "--json",
        "-",
        "-q",
        cwd=tmp_path,
        stdin="Talks in Oslo\nIngrid Larsen met Tomas Berg in Oslo.\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["path"] == "-"


def test_cli_usage_error_exit_two(tmp_path: Path) -> None:
    assert accord("run", cwd=tmp_path).returncode == 2
    assert (
        accord(
            "export", "--format", "nope", "--db", str(tmp_path / "x.db"), cwd=tmp_path
        ).returncode
        == 2
    )
