"""`gongkai convert`: every format written and readable; every failure one line, exit 2, no file."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.report import read_path
from gongkai.report.writers import EXTENSIONS, formats, write_text

from .report.writers._reports import numbers, sample

runner = CliRunner()
FORMATS = formats()


def _needs(kind: str) -> None:
    if kind == "pdf" and importlib.util.find_spec("reportlab") is None:
        pytest.skip("the PDF writer's WeasyPrint is not installed")


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report as text in an input folder; the current folder is an empty output folder."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = inputs / "年报2023.txt"
    path.write_text(write_text(sample()), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    return path


def _convert(*args: str):
    return runner.invoke(app, ["convert", *args])


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    return lines[0]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", FORMATS)
def test_each_format_written_next_to_the_current_folder(source: Path, kind: str):
    _needs(kind)
    result = _convert(str(source), "--to", kind)
    assert result.exit_code == 0, result.output + result.stderr
    extension = EXTENSIONS[kind]
    target = Path.cwd() / ("年报2023" + extension)
    assert _files(Path.cwd()) == [target.name]
    assert result.stdout.strip().splitlines() == [result.stdout.strip()]
    assert target.name in result.stdout
    assert numbers(read_path(target)) == numbers(sample())


@pytest.mark.parametrize("extension", [".docx", ".xlsx", ".md", ".json", ".html", ".txt"])
def test_format_from_the_output_extension(source: Path, extension: str):
    target = Path.cwd() / "sub" / f"报告{extension}"
    target.parent.mkdir()
    result = _convert(str(source), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert numbers(read_path(target)) == numbers(sample())


def test_to_wins_over_the_output_extension_and_stdout_output(source: Path):
    result = _convert(str(source), "--to", "md", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 某某市生态环境局2023年政府信息公开工作年度报告")
    assert _files(Path.cwd()) == []


@pytest.mark.parametrize("args", [["--to", "rtf"], ["-o", "x.rtf"], ["--to", "doc", "-o", "x.docx"]])
def test_unknown_format(source: Path, args: list[str]):
    line = _one_line_error(_convert(str(source), *args))
    assert line.startswith("不支持的输出格式“") and "可选：" + "、".join(FORMATS) in line
    assert _files(Path.cwd()) == []


@pytest.mark.parametrize("args", [[], ["-o", "noextension"]])
def test_no_format_given(source: Path, args: list[str]):
    line = _one_line_error(_convert(str(source), *args))
    assert "--to" in line
    assert _files(Path.cwd()) == []


def _unwritable_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / ".probe"
        probe.touch()  # root writes anyway: use a "folder" that is a regular file instead
        probe.unlink()
        folder.chmod(0o700)
        plain = tmp_path / "a-file"
        plain.write_text("x")
        return plain
    except PermissionError:
        return folder


def test_unwritable_folder(source: Path, tmp_path: Path):
    folder = _unwritable_folder(tmp_path)
    try:
        line = _one_line_error(_convert(str(source), "--to", "docx", "-o", str(folder / "x.docx")))
        assert str(folder) in line
        if folder.is_dir():
            assert _files(folder) == []
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    assert _files(Path.cwd()) == []


def test_missing_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    line = _one_line_error(_convert("没有这个文件.txt", "--to", "docx"))
    assert line.startswith("没有这个文件.txt: ") and "不存在" in line
    assert _files(tmp_path) == []


def test_unreadable_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / "notes.txt"
    bad.write_text("今天天气很好。\n", encoding="utf-8")
    _one_line_error(_convert(str(bad), "--to", "md"))
    assert _files(tmp_path) == ["in"]


def test_output_must_not_overwrite_the_input(source: Path):
    os.chdir(source.parent)
    line = _one_line_error(_convert(source.name, "--to", "txt"))
    assert "输入文件" in line
    assert source.read_text(encoding="utf-8") == write_text(sample())


def test_stdin_needs_an_output(source: Path):
    result = runner.invoke(app, ["convert", "-", "--to", "json"], input=source.read_bytes())
    assert "-o" in _one_line_error(result)
    result = runner.invoke(app, ["convert", "-", "-o", "r.json"], input=source.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert numbers(read_path(Path.cwd() / "r.json")) == numbers(sample())
