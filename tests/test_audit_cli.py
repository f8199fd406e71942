"""`gongkai audit` as a user meets it: outputs, exit codes, resume after Ctrl-C, one-line errors."""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongkai.report.audit import CACHE_DIR, CACHE_FILE
from gongkai.report.writers.text import write_text

from .report.writers._reports import sample

CLEAN = Path(__file__).parent / "report" / "rules" / "fixtures" / "clean_2021.txt"
# Not `python -m gongkai.cli`: run as __main__, the commands register on the other copy of `app`.
COMMAND = [sys.executable, "-c", "from gongkai.entry import main; main()", "audit"]


def gongkai_audit(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=timeout)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture
def clean_folder(tmp_path: Path) -> Path:
    src = tmp_path / "clean"
    src.mkdir()
    for year in (2021, 2022):
        (src / f"{year}.txt").write_text(write_text(sample(year=year, agency="甲县教育局")), encoding="utf-8")
    return src


def test_clean_reports_exit_0_and_write_every_output(clean_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = gongkai_audit(str(clean_folder), "-o", str(out), "--jobs", "1")
    assert "Traceback" not in result.stderr
    # Two consecutive years whose carry-over disagrees: a warning, not an error.
    assert result.returncode == 0, result.stderr
    assert "共 2 个文件：本次检查 2 个，未变化而跳过 0 个" in result.stderr
    for name in ("findings.csv", "reports.csv", "audit.html", "dismissed.csv"):
        assert (out / name).is_file()
    assert {r["rule"] for r in rows(out / "findings.csv")} == {"carryover-mismatch"}


def test_exit_1_on_error_findings_and_2_on_unreadable_files(tmp_path: Path) -> None:
    src = tmp_path / "r"
    src.mkdir()
    seed = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "000_48de57da75f02281.txt"
    if not seed.exists():
        pytest.skip("shared corpus not present")
    (src / "seed.txt").write_bytes(seed.read_bytes())
    result = gongkai_audit(str(src), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = gongkai_audit(str(src), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "本次检查 2 个，未变化而跳过 1 个" in result.stderr and "无法读取 2 个" in result.stderr
    errors = {Path(r["file"]).name: r["error"] for r in rows(tmp_path / "out" / "reports.csv")}
    assert errors["empty.txt"] == "文件为空" and errors["binary.docx"] and errors["seed.txt"] == ""


def test_second_run_checks_nothing(clean_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = gongkai_audit(str(clean_folder), "-o", str(out))
    before = (out / "findings.csv").read_bytes()
    second = gongkai_audit(str(clean_folder), "-o", str(out))
    assert first.returncode == second.returncode == 0
    assert "本次检查 0 个，未变化而跳过 2 个" in second.stderr
    assert (out / "findings.csv").read_bytes() == before


def test_english_messages(clean_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = gongkai_audit(str(clean_folder), "-o", str(out), "--lang", "en")
    assert "2 files: 2 checked, 0 unchanged since the last run" in result.stderr
    assert "carried in" in rows(out / "findings.csv")[0]["message"]


def test_unwritable_outdir_is_one_line_exit_2(clean_folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = gongkai_audit(str(clean_folder), "-o", str(blocker / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "输出目录" in result.stderr


def test_missing_hierarchy_file_is_one_line_exit_2(clean_folder: Path, tmp_path: Path) -> None:
    result = gongkai_audit(str(clean_folder), "-o", str(tmp_path / "out"), "--hierarchy", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "机关层级文件" in result.stderr


def test_ctrl_c_stops_cleanly_and_the_next_run_resumes(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    data = CLEAN.read_bytes()
    for i in range(1500):
        (src / f"r{i:04d}.txt").write_bytes(data)
    out = tmp_path / "out"
    cache = out / CACHE_DIR / CACHE_FILE
    proc = subprocess.Popen([*COMMAND, str(src), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if cache.exists() and cache.stat().st_size > 0:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode != 130:
        pytest.skip("the run finished before it could be interrupted")
    assert "Traceback" not in err
    assert "已中断" in err and "再次运行同一命令即从中断处继续" in err
    assert not (out / "findings.csv").exists()
    done = sum(1 for line in cache.read_bytes().splitlines() if line.endswith(b"}"))
    assert 0 < done < 1500
    again = gongkai_audit(str(src), "-o", str(out), "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert f"未变化而跳过 {done} 个" in again.stderr
    assert f"本次检查 {1500 - done} 个" in again.stderr
    assert len(rows(out / "reports.csv")) == 1500


def test_hierarchy_option_reports_missing_sub_agencies(clean_folder: Path, tmp_path: Path) -> None:
    (clean_folder / "county.txt").write_text(write_text(sample(year=2022, agency="甲县人民政府")), encoding="utf-8")
    tree = tmp_path / "层级.txt"
    tree.write_text("甲县人民政府：甲县教育局、甲县公安局\n", encoding="gb18030")
    out = tmp_path / "out"
    result = gongkai_audit(str(clean_folder), "-o", str(out), "--hierarchy", str(tree))
    # The county's tables equal its one sub-agency present: nothing wrong but what is missing.
    assert result.returncode == 0, result.stderr
    found = [(r["rule"], r["severity"]) for r in rows(out / "findings.csv") if r["rule"].startswith("consolidation")]
    assert found == [("consolidation-incomplete", "warning")]
    assert any("甲县公安局" in r["message"] for r in rows(out / "findings.csv"))


PLAIN = [["a"], ["a", "b", "-o", "x"], ["-o", "x", "a", "--jobs", "2"], ["a", "--output=o", "--jobs=3", "--lang", "en"],
         ["a", "--hierarchy", "h.txt", "-j", "1"], ["--", "a", "-b"], ["a", "--lang=zh"], ["a", "-j", "02"]]
NOT_PLAIN = [["--help"], [], ["a", "-j", "0"], ["a", "-j", "x"], ["a", "--lang", "fr"], ["a", "-o"], ["a", "-o", "x", "-o", "y"],
             ["a", "-j=2"], ["a", "-j2"], ["a", "--bogus"], ["-"], ["a", "--output="], ["a", "-o", "-x"]]


@pytest.mark.parametrize("args", PLAIN)
def test_plain_arguments_parse_as_typer_parses_them(args: list[str]) -> None:
    import typer

    from gongkai.cli import app
    from gongkai.commands.audit_run import plain_args

    command = typer.main.get_command(app).commands["audit"]  # type: ignore[attr-defined]
    assert plain_args(args) == command.make_context("audit", list(args)).params


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    from gongkai.commands.audit_run import plain_args

    assert plain_args(args) is None


TYPER_LOADED = ("import sys\nimport gongkai.entry as entry\nentry._exit_now = sys.exit\n"
                "sys.argv = ['gongkai', 'audit', *sys.argv[1:]]\n"
                "try:\n    entry.main()\nexcept SystemExit as stop:\n    print(stop.code, 'typer' in sys.modules)\n")


def test_plain_arguments_start_without_typer_and_odd_ones_with_it(clean_folder: Path, tmp_path: Path) -> None:
    """Plain arguments skip typer's start-up; the outputs and the exit status are the same either
    way (the glued short option -j2 is left to typer)."""
    plain = subprocess.run([sys.executable, "-c", TYPER_LOADED, str(clean_folder), "-o", str(tmp_path / "a")],
                           capture_output=True, text=True, timeout=120)
    typed = subprocess.run([sys.executable, "-c", TYPER_LOADED, str(clean_folder), "-o", str(tmp_path / "b"), "-j2"],
                           capture_output=True, text=True, timeout=120)
    assert plain.stdout.split() == ["0", "False"], plain.stderr
    assert typed.stdout.split() == ["0", "True"], typed.stderr
    for name in ("findings.csv", "reports.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
