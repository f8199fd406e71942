"""`gongkai deadline` as a user meets it: the due date, "（暂定）", the explanation, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app

from .test_workdays import TEST_2027


def run(*args: str):
    return CliRunner().invoke(app, ["deadline", *args])


def lines(result) -> list[str]:
    return result.stdout.strip().splitlines()


@pytest.fixture
def schedule_2027(tmp_path: Path) -> str:
    """The TEST FIXTURE 2027 schedule of test_workdays (made up, not an official notice)."""
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(TEST_2027, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_issue_example() -> None:
    result = run("2025-09-26")
    assert result.exit_code == 0, result.output
    out = lines(result)
    assert out[0] == "2025-10-30"
    assert "9月28日、10月11日为调休上班日" in out[1] and "10月1日至8日" in out[1]
    assert result.stderr == ""


def test_issue_example_extended() -> None:
    result = run("2025-09-26", "--extended")
    assert result.exit_code == 0, result.output
    assert lines(result)[0] == "2025-11-27"
    assert "延长答复期限20个工作日" in result.stdout


def test_spring_festival_2026() -> None:
    result = run("2026-02-10")
    assert result.exit_code == 0 and lines(result)[0] == "2026-03-16"


def test_into_2027_provisional_then_exact(schedule_2027: str) -> None:
    before = run("2026-12-15", "--extended")
    assert before.exit_code == 0, before.output
    assert lines(before)[0] == "2027-02-16（暂定）"
    assert "暂定" in lines(before)[1]
    after = run("2026-12-15", "--extended", "--schedule", schedule_2027)
    assert after.exit_code == 0, after.output
    assert lines(after)[0] == "2027-02-17"
    assert "暂定" not in after.stdout
    assert after.stderr == ""


def test_pause_option_and_json() -> None:
    result = run("2025-03-03", "--pause", "征求意见:2025-03-10:2025-03-14", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["due"] == "2025-04-08" and data["provisional"] is False
    assert data["pauses"][0]["kind"] == "征求意见" and "第三十三条第三款" in data["pauses"][0]["basis"]
    fee = run("2025-03-03", "--pause", "收费:2025-03-10:2025-03-14", "--fee-stops-clock")
    assert lines(fee)[0] == "2025-04-08" and "如不扣除，期限为2025-03-31" in fee.stdout


def test_late_correction_warning_is_printed() -> None:
    result = run("2025-03-03", "--pause", "补正:2025-03-13:2025-03-20")
    assert result.exit_code == 0, result.output
    assert lines(result)[0] == "2025-04-18"
    assert lines(result)[-1].startswith("注意：补正通知")


@pytest.mark.parametrize(("args", "message"), [
    (["not-a-date"], "收到申请日期“not-a-date”不是 YYYY-MM-DD 格式的日期（例如 2025-09-26）"),
    (["2025-02-30"], "收到申请日期“2025-02-30”不存在（请检查月份和日）"),
    (["2025-09-26", "--pause", "休息:2025-10-01:2025-10-02"], "不认识的中止类型“休息”（可用：补正、征求意见、收费）"),
    (["2025-09-26", "--pause", "补正:2025-10-01"], None),
    (["2025-09-26", "--pause", "补正:2025-09-01:2025-09-30"], "补正开始日期2025-09-01早于收到申请之日2025-09-26"),
    (["2025-09-26", "--schedule", "/nonexistent/2027.json"], "找不到节假日安排文件：/nonexistent/2027.json"),
    (["2150-01-05"], None),
])
def test_one_clear_line_and_exit_2(args: list[str], message: str | None) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1, result.stderr
    assert "Traceback" not in result.output and result.stdout == ""
    if message:
        assert err[0] == message


def test_bad_schedule_file(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps({**TEST_2027, "workdays": [{"name": "春节", "date": "2027-02-01"}]}), encoding="utf-8")
    result = run("2026-12-15", "--schedule", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{path}: 调休上班日2027-02-01不是周六或周日（工作日本来就上班）"


def test_schedule_warnings_go_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text(json.dumps({**TEST_2027, "holidays": TEST_2027["holidays"][1:]}), encoding="utf-8")
    result = run("2026-12-15", "--schedule", str(path))
    assert result.exit_code == 0
    assert "提示：" in result.stderr and "2027-01-01（元旦）" in result.stderr


def test_real_process_exit_status() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from gongkai.cli import main; main()", "deadline", "not-a-date"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "收到申请日期“not-a-date”不是 YYYY-MM-DD 格式的日期（例如 2025-09-26）"
    ok = subprocess.run(
        [sys.executable, "-c", "from gongkai.cli import main; main()", "deadline", "2026-02-10"],
        capture_output=True, text=True, timeout=60,
    )
    assert ok.returncode == 0 and ok.stdout.splitlines()[0] == "2026-03-16"
