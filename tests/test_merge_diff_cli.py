"""`gongkai merge` and `gongkai diff` as a user meets them: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.report import read_path
from gongkai.report.serialize import dumps, loads
from gongkai.report.writers import write_text

from .conftest import CORPUS
from .report.writers._reports import sample

PEERS = CORPUS / "peers" / "kirogovcompare"
HZQ_2023 = PEERS / "hzq2023_working.pdf"
HZQ_2024 = PEERS / "hzq2024_working.pdf"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def _save(folder: Path, name: str, **kw: object) -> str:
    path = folder / name
    report = sample(**kw)  # type: ignore[arg-type]
    if name.endswith(".json"):
        path.write_text(dumps(report), encoding="utf-8")
    else:
        path.write_text(write_text(report), encoding="utf-8")
    return str(path)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _save(folder, "a.txt", agency="甲局", year=2023)
    _save(folder, "b.txt", agency="乙局", year=2023)
    _save(folder, "c.json", agency="丙局", year=2024)
    _save(folder, "d.txt", edition="2019", agency="丁局", year=2023)
    return folder


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


# -- merge ---------------------------------------------------------------------------------


def test_merge_writes_json_and_names_the_contributors(inputs: Path, out: Path):
    target = out / "市.json"
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(target), "--agency", "某某市")
    assert result.exit_code == 0, result.output
    assert "甲局" in result.stdout and "乙局" in result.stdout and "警告" not in result.stdout
    merged = loads(target.read_text(encoding="utf-8"))
    a = read_path(inputs / "a.txt")
    assert merged.agency == "某某市" and merged.source == "merge:甲局,乙局"
    assert merged.table3_values() == [[2 * (v or 0) for v in row] for row in a.table3_values() or []]
    assert sorted(os.listdir(out)) == ["市.json"]


@pytest.mark.parametrize(("to", "name"), [("html", "x.html"), ("txt", "x.txt"), (None, "x.htm"), ("html", "x")])
def test_merge_chooses_the_writer_by_format_or_extension(inputs: Path, out: Path, to: str | None, name: str):
    target = out / name
    args = ["merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(target)]
    if to:
        args += ["--to", to]
    result = run(*args)
    assert result.exit_code == 0, result.output
    back = read_path(target)
    assert back.year == 2023 and back.t3(0, 6) == 2 * (read_path(inputs / "a.txt").t3(0, 6) or 0)


def test_merge_warns_of_a_duplicated_agency_and_blank_cells(inputs: Path, out: Path):
    a = sample(agency="甲局", year=2023)
    assert a.table3 is not None
    from gongkai.report.model import Cell

    row = list(a.table3[3])
    row[0] = Cell(None)
    blank = replace(a, agency="淮安市甲局", table3=(*a.table3[:3], tuple(row), *a.table3[4:]))
    (inputs / "blank.json").write_text(dumps(blank), encoding="utf-8")
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), str(inputs / "a.txt"),
                 str(inputs / "blank.json"), "-o", str(out / "m.json"))
    assert result.exit_code == 0, result.output
    assert "警告：机关重复：甲局（第1、3份报告）" in result.stdout
    assert "1 个单元格因部分机关未填写而在汇总中留空" in result.stdout
    assert "淮安市甲局未填写" in result.stdout
    assert loads((out / "m.json").read_text(encoding="utf-8")).t3(3, 0) is None


def test_merge_refuses_mixed_years(inputs: Path, out: Path):
    result = run("merge", str(inputs / "a.txt"), str(inputs / "c.json"), "-o", str(out / "m.json"))
    _one_line_error(result, "不能合并不同年度的报告：2023（甲局）与 2024（丙局）")
    assert os.listdir(out) == []


def test_merge_refuses_mixed_editions(inputs: Path, out: Path):
    result = run("merge", str(inputs / "a.txt"), str(inputs / "d.txt"), "-o", str(out / "m.json"))
    _one_line_error(result, "不能合并不同格式版本的报告", "2021 版（甲局）", "2019 版（丁局）")
    assert os.listdir(out) == []


def test_merge_refuses_a_single_report(inputs: Path, out: Path):
    _one_line_error(run("merge", str(inputs / "a.txt"), "-o", str(out / "m.json")), "至少需要两份报告")
    assert os.listdir(out) == []


def test_merge_unreadable_input(inputs: Path, out: Path):
    (inputs / "empty.txt").write_bytes(b"")
    for bad in (inputs / "empty.txt", inputs / "missing.txt"):
        result = run("merge", str(inputs / "a.txt"), str(bad), "-o", str(out / "m.json"))
        _one_line_error(result, str(bad))
    assert os.listdir(out) == []


@pytest.mark.parametrize("args", [["--to", "xyz"], []])
def test_merge_unknown_format(inputs: Path, out: Path, args: list[str]):
    target = out / ("m.json" if args else "m.xyz")
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(target), *args)
    _one_line_error(result, "不支持的输出格式", "xyz", "可选：")
    assert os.listdir(out) == []


def test_merge_missing_output_folder(inputs: Path, out: Path):
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(out / "nope" / "m.json"))
    _one_line_error(result, "输出目录不存在")
    assert os.listdir(out) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_merge_unwritable_output_folder(inputs: Path, out: Path):
    out.chmod(0o500)
    try:
        result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(out / "m.json"))
        _one_line_error(result, "无法写入")
        assert os.listdir(out) == []
    finally:
        out.chmod(0o700)


def test_a_failing_writer_leaves_no_file_and_keeps_the_old_one(inputs: Path, out: Path, monkeypatch: pytest.MonkeyPatch):
    import gongkai.commands.merge as command

    def broken(report: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(command, "writer_named", lambda to, out: broken)
    target = out / "m.json"
    target.write_text("old", encoding="utf-8")
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(target))
    _one_line_error(result, "内部错误（RuntimeError）")
    assert os.listdir(out) == ["m.json"] and target.read_text(encoding="utf-8") == "old"


# -- diff ------------------------------------------------------------------------------------


def _hzq() -> None:
    if not (HZQ_2023.exists() and HZQ_2024.exists()):
        pytest.skip("shared corpus not present")


def test_diff_prints_a_table_on_the_terminal():
    _hzq()
    result = run("diff", str(HZQ_2023), str(HZQ_2024))
    assert result.exit_code == 0, result.output
    assert "淮安市洪泽区人民政府：2023 年 → 2024 年" in result.stdout
    assert "行政许可" in result.stdout and "+8937" in result.stdout
    assert "上年结转核对" in result.stdout and "一致" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(("name", "to", "marker"), [
    ("d.md", None, "| 表 | 行 | 列 |"),
    ("d.html", None, "<!DOCTYPE html>"),
    ("d.json", None, '"moved_most"'),
    ("d.txt", None, "逐格变化"),
    ("d", "md", "## 上年结转核对"),
    ("d.out", "html", "<caption>"),
])
def test_diff_writes_each_format(out: Path, name: str, to: str | None, marker: str):
    _hzq()
    args = ["diff", str(HZQ_2023), str(HZQ_2024), "-o", str(out / name)]
    if to:
        args += ["--to", to]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert marker in (out / name).read_text(encoding="utf-8")
    assert os.listdir(out) == [name]


def test_diff_to_stdout_in_a_format(inputs: Path):
    _save(inputs, "a2024.txt", agency="甲局", year=2024)
    result = run("diff", str(inputs / "a.txt"), str(inputs / "a2024.txt"), "--to", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["agency"] == "甲局" and data["changes"] == []


def test_diff_refuses_two_agencies(inputs: Path, out: Path):
    result = run("diff", str(inputs / "a.txt"), str(inputs / "c.json"), "-o", str(out / "d.md"))
    _one_line_error(result, "两份报告不是同一机关：甲局 / 丙局")
    assert os.listdir(out) == []


def test_diff_warns_of_non_consecutive_years(inputs: Path):
    _save(inputs, "a2026.txt", agency="甲局", year=2026)
    result = run("diff", str(inputs / "a.txt"), str(inputs / "a2026.txt"))
    assert result.exit_code == 0
    assert "年度不相邻：2023 年与 2026 年" in result.stdout


def test_diff_errors(inputs: Path, out: Path):
    a = str(inputs / "a.txt")
    _one_line_error(run("diff", a, str(inputs / "missing.txt"), "-o", str(out / "d.md")), "missing.txt", "文件不存在")
    _one_line_error(run("diff", a, a, "-o", str(out / "d.xyz")), "不支持的输出格式“xyz”")
    _one_line_error(run("diff", a, a, "--to", "docx"), "不支持的输出格式“docx”")
    _one_line_error(run("diff", a, a, "-o", str(out / "nope" / "d.md")), "输出目录不存在")
    _one_line_error(run("diff", a, a, "-o", str(out / "d")), "请用 --to 指定")
    assert os.listdir(out) == []


def test_the_installed_command_exits_2_with_one_line(inputs: Path, out: Path):
    """The real process: exit status and standard error, not the test runner's view of them."""
    result = subprocess.run(
        [sys.executable, "-c", "from gongkai.cli import main; main()",
         "merge", str(inputs / "a.txt"), str(inputs / "c.json"), "-o", str(out / "m.json")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "不能合并不同年度的报告：2023（甲局）与 2024（丙局）"
    assert os.listdir(out) == []


@pytest.mark.parametrize("ext", ["docx", "xlsx", "md", "json", "pdf"])
def test_merge_writes_every_registered_format(inputs: Path, out: Path, ext: str):
    if ext == "pdf":
        pytest.importorskip("reportlab")
    target = out / f"m.{ext}"
    result = run("merge", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(target), "--agency", "某某市")
    assert result.exit_code == 0, result.output
    back = read_path(target)
    assert back.agency == "某某市" and back.year == 2023
    assert back.t3(0, 6) == 2 * (read_path(inputs / "a.txt").t3(0, 6) or 0)
    assert os.listdir(out) == [target.name]
