"""The `gongkai` command as a user meets it: exit codes, one-line errors, JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest

CLEAN = Path(__file__).parent / "report" / "rules" / "fixtures" / "clean_2021.txt"


def gongkai(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai.cli", *args], input=stdin.decode() if stdin else None,
        capture_output=True, text=True, timeout=60,
    )


def _blank_pdf() -> bytes:
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.bin": bytes(range(256)) * 8,
    "notareport.txt": "今天天气很好，我们去公园散步。\n晚上吃饺子。\n".encode(),
    "scan.pdf": _blank_pdf(),
    "broken.pdf": b"%PDF-1.4\n garbage garbage",
    "broken.docx": b"PK\x03\x04 not really a zip",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_unreadable_input_gives_one_clear_line_and_exit_2(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    result = gongkai("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    lines = [ln for ln in result.stdout.splitlines() if str(path) in ln]
    assert len(lines) == 1 and "无法读取" in lines[0]


def test_missing_path(tmp_path: Path):
    result = gongkai("check", str(tmp_path / "nope.txt"), "--format", "json")
    assert result.returncode == 2
    obj = json.loads(result.stdout)
    assert obj["error"] == "文件不存在" and obj["report"] is None


def test_json_lines_carry_numbers_and_findings(seed_path: Path):
    result = gongkai("check", "--format", "json", str(seed_path), str(CLEAN))
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["file"] for o in objs] == [str(seed_path), str(CLEAN)]
    seed = objs[0]
    assert seed["error"] is None
    assert seed["report"]["format"] == "2021" and seed["report"]["year"] == 2021
    assert len(seed["report"]["table3"]) == 25 and len(seed["report"]["table4"]) == 15
    assert {"rule", "severity", "message", "location"} <= set(seed["findings"][0])
    assert result.returncode == 1  # the seed has error-severity findings


def test_exit_0_on_a_clean_report_and_stdin():
    result = gongkai("check", "-", stdin=CLEAN.read_bytes())
    assert result.returncode == 0, result.stdout
    assert "未发现问题" in result.stdout


def test_one_unreadable_file_does_not_stop_the_others(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = gongkai("check", "--format", "json", str(empty), str(CLEAN))
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert objs[0]["error"] and objs[1]["error"] is None
    assert result.returncode == 2


def test_gb18030_input_is_detected(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(CLEAN.read_text(encoding="utf-8").encode("gb18030"))
    obj = json.loads(gongkai("check", "--format", "json", str(path)).stdout)
    assert obj["report"]["agency"] == "某某县人民政府办公室"


def test_english_messages():
    result = gongkai("check", "--lang", "en", str(CLEAN))
    assert "no findings" in result.stdout


def test_rule_catalogue_and_one_rule():
    listing = gongkai("rule")
    assert "t3-balance" in listing.stdout and listing.returncode == 0
    page = gongkai("rule", "t3-balance")
    assert "勾稽关系" in page.stdout
    unknown = gongkai("rule", "no-such-rule")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
