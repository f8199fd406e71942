"""The audit engine: discovery, outputs, resume, dismissals, checks across reports."""

from __future__ import annotations

import csv
import io
import json
import marshal
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from gongkai.report.audit import (
    CACHE_DIR,
    CACHE_FILE,
    AuditInterrupted,
    Cache,
    discover,
    parse_dismissals,
    parse_hierarchy,
    run_audit,
    work,
)
from gongkai.report.errors import OutputError, UnreadableFile
from gongkai.report.model import Cell, Number, Report
from gongkai.report.writers.text import write_text

from ..conftest import CORPUS
from .writers._reports import sample

BROKEN = {
    "empty.txt": b"",
    "binary.pdf": bytes(range(256)) * 8,
    "notareport.txt": "今天天气很好，我们去公园散步。\n晚上吃饺子。\n".encode(),
}


def report_bytes(agency: str, year: int, edition: str = "2021", change: Callable[[Report], Report] | None = None) -> bytes:
    report = sample(edition=edition, year=year, agency=agency)
    if change is not None:
        report = change(report)
    return write_text(report).encode("utf-8")


def scaled(k: int) -> Callable[[Report], Report]:
    """Every number of tables 三 and 四 times k: the sums stay consistent."""

    def change(r: Report) -> Report:
        assert r.table3 is not None and r.table4 is not None
        return replace(
            r,
            table3=tuple(tuple(Cell(c.value * k) for c in row) for row in r.table3),  # type: ignore[operator]
            table4=tuple(Cell(c.value * k) for c in r.table4),  # type: ignore[operator]
        )

    return change


def set_cell(row: int, col: int, value: Number, base: Callable[[Report], Report] | None = None) -> Callable[[Report], Report]:
    def change(r: Report) -> Report:
        r = base(r) if base else r
        assert r.table3 is not None
        rows = [list(x) for x in r.table3]
        rows[row][col] = Cell(value)
        return replace(r, table3=tuple(tuple(x) for x in rows))

    return change


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Generated reports (two agencies, one of them two years), broken files, a corpus file."""
    src = tmp_path / "reports"
    (src / "2022").mkdir(parents=True)
    (src / "2021").mkdir()
    (src / "2021" / "甲县教育局.txt").write_bytes(report_bytes("甲县教育局", 2021))
    (src / "2022" / "甲县教育局.txt").write_bytes(report_bytes("甲县教育局", 2022))
    (src / "2022" / "乙县公安局.txt").write_bytes(report_bytes("乙县公安局", 2022))
    for name, data in BROKEN.items():
        (src / "broken" / name).parent.mkdir(exist_ok=True)
        (src / "broken" / name).write_bytes(data)
    seed = CORPUS / "seed" / "000_48de57da75f02281.txt"
    if seed.exists():
        shutil.copy(seed, src / "seed.txt")
    return src


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# -- discovery -----------------------------------------------------------------------------


def test_discover_is_recursive_sorted_and_skips_hidden_outdir_and_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "out").mkdir()
    for name in ("b/2.txt", "b/1.PDF", "a/deep/x.docx", "a/z.md", ".hidden/h.txt", "out/findings.json",
                 "a/skip.csv", "a/.dot.txt", "a/~$lock.docx"):
        (tmp_path / name).write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "loop")  # a link back to the top: followed never twice
    found = [os.path.relpath(t.name, tmp_path) for t in discover([tmp_path], skip=[tmp_path / "out"])]
    assert found == ["a/deep/x.docx", "a/z.md", "b/1.PDF", "b/2.txt"]


def test_discover_keeps_files_named_directly_even_missing_or_unsupported(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("x")
    targets = discover([tmp_path / "notes.csv", tmp_path / "missing.txt", tmp_path / "notes.csv"])
    assert [Path(t.name).name for t in targets] == ["notes.csv", "missing.txt"]
    assert all(os.path.isabs(t.key) for t in targets)


# -- outputs -------------------------------------------------------------------------------


def test_outputs_on_a_small_folder(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_audit([folder], out, jobs=1)
    files = 6 + (folder / "seed.txt").exists()
    assert result.files == files and result.audited == files and result.cached == 0
    assert result.unreadable == 3 and result.reports == files - 3
    assert result.status == 2
    assert {p.name for p in out.iterdir()} >= {"findings.csv", "reports.csv", "audit.html", "dismissed.csv", CACHE_DIR}

    reports = read_csv(out / "reports.csv")
    assert len(reports) == files
    by_name = {Path(r["file"]).name: r for r in reports}
    assert by_name["empty.txt"]["error"] == "文件为空"
    assert by_name["binary.pdf"]["error"] and by_name["notareport.txt"]["error"]
    row = by_name["乙县公安局.txt"]
    expected = sample(year=2022, agency="乙县公安局")
    assert row["agency"] == "乙县公安局" and row["year"] == "2022" and row["edition"] == "2021"
    assert int(row["new"]) == expected.t3(0, 6)
    assert int(row["handled"]) == expected.t3(expected.spec.total_row, 6)
    assert int(row["reconsideration"]) == expected.t4(4)
    assert int(row["litigation"]) == expected.t4(9) + expected.t4(14)  # type: ignore[operator]
    outcome = sum(int(row[c]) for c in ("disclosed", "partly_disclosed", "withheld", "unavailable", "not_processed", "other"))
    assert outcome == int(row["handled"])

    header = (out / "findings.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "file,agency,year,rule,severity,location,message,fingerprint,dismissed,dismissal_reason"
    findings = read_csv(out / "findings.csv")
    if (folder / "seed.txt").exists():
        seed_rules = {f["rule"] for f in findings if f["file"].endswith("seed.txt")}
        assert "cell-count" in seed_rules
        assert result.status == 2 and result.errors > 0
    assert (out / "dismissed.csv").read_text(encoding="utf-8") == "fingerprint,reason,reviewer,date\n"


def test_audit_html_is_self_contained_accessible_and_parses(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_audit([folder], out, jobs=1)
    page = (out / "audit.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert not re.search(r'\b(?:src|href)="(?!#)', page), "only in-page links"
    assert "<script" not in page and "<link" not in page
    root = ET.fromstring(page.replace("<!DOCTYPE html>", "", 1))  # well-formed
    assert root.get("lang") == "zh-CN"
    tables = root.iter("table")
    assert all(t.find("caption") is not None for t in tables)
    assert all(th.get("scope") in ("col", "row") for th in root.iter("th"))
    svgs = list(root.iter("svg"))
    assert svgs and all(s.find("title") is not None and s.find("desc") is not None for s in svgs)
    assert all(s.get("role") == "img" for s in svgs)
    text = "".join(root.itertext())
    for heading in ("按规则统计", "按机关统计", "问题最多的报告", "无法读取的文件", "逐年比较"):
        assert heading in text
    assert "文件为空" in text and "empty.txt" in text


# -- resume ------------------------------------------------------------------------------


def test_second_run_checks_nothing_and_a_changed_file_is_checked_again(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_audit([folder], out, jobs=1)
    again = run_audit([folder], out, jobs=1)
    assert again.audited == 0 and again.cached == first.files
    assert again.status == first.status and again.reports == first.reports

    # Same size, same mtime, other content: the files were audited moments ago, so size and
    # mtime are ambiguous and the sha1 tells.
    target = folder / "2022" / "乙县公安局.txt"
    st = target.stat()
    data = target.read_bytes().replace("乙县公安局".encode(), "丙县公安局".encode())
    assert len(data) == st.st_size
    target.write_bytes(data)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    third = run_audit([folder], out, jobs=1)
    assert third.audited == 1 and third.rehashed >= 1
    assert "丙县公安局" in (out / "reports.csv").read_text(encoding="utf-8-sig")

    # A different size: checked again without hashing.
    target.write_bytes(report_bytes("丁县公安局", 2022))
    fourth = run_audit([folder], out, jobs=1)
    assert fourth.audited == 1
    assert "丁县公安局" in (out / "reports.csv").read_text(encoding="utf-8-sig")


def test_old_results_are_trusted_without_hashing(folder: Path, tmp_path: Path) -> None:
    # Files last modified well before they were audited: size and mtime are proof enough.
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 10_000_000_000))
    (folder / "fresh.txt").write_bytes(report_bytes("丙县民政局", 2022))  # just written: racy
    out = tmp_path / "out"
    run_audit([folder], out, jobs=1)
    again = run_audit([folder], out, jobs=1)
    assert again.audited == 0 and again.rehashed == 1
    # Only the racy file's sha1 is computed and kept: no later run would look at the others'.
    lines = [json.loads(line) for line in (out / CACHE_DIR / CACHE_FILE).read_text("utf-8").splitlines()]
    assert {Path(r["key"]).name for r in lines if r["sha1"]} == {"fresh.txt"}


def test_interrupted_run_keeps_what_was_done_and_resumes(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    data = report_bytes("甲县教育局", 2022)
    for i in range(120):
        (src / f"r{i:03d}.txt").write_bytes(data)
    out = tmp_path / "out"
    calls = []

    def stop_after_two_batches(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(AuditInterrupted) as stop:
        run_audit([src], out, jobs=1, progress=stop_after_two_batches)
    done = stop.value.audited
    assert 0 < done < 120 and stop.value.files == 120
    assert not (out / "findings.csv").exists()
    resumed = run_audit([src], out, jobs=1)
    assert resumed.cached == done and resumed.audited == 120 - done
    assert len(read_csv(out / "reports.csv")) == 120


def test_a_line_cut_short_by_a_kill_is_ignored(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_audit([folder], out, jobs=1)
    cache = out / CACHE_DIR / CACHE_FILE
    lines = cache.read_bytes().splitlines(keepends=True)
    cache.write_bytes(b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])
    again = run_audit([folder], out, jobs=1)
    assert again.audited == 1 and again.cached == first.files - 1
    store = Cache(out / CACHE_DIR)
    store.load()
    assert len(store.index) == first.files


def test_parallel_and_serial_runs_write_the_same_outputs(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(60):
        (src / f"r{i:03d}.txt").write_bytes(report_bytes(f"第{i}县教育局", 2021 + i % 3))
    (src / "empty.txt").write_bytes(b"")
    serial = run_audit([src], tmp_path / "serial", jobs=1)
    parallel = run_audit([src], tmp_path / "parallel", jobs=2)
    assert parallel.audited == serial.audited == 61
    for name in ("findings.csv", "reports.csv"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()


def test_outputs_rendered_by_the_workers_equal_outputs_read_back_from_the_cache(folder: Path, tmp_path: Path) -> None:
    """Checked files reach the outputs as the workers rendered them; cached ones, and those with
    findings across reports, from their cache lines: the two paths write the same bytes."""
    for i in range(40):
        (folder / f"more-{i:02d}.txt").write_bytes(report_bytes(f"第{i}县, 教育局", 2021 + i % 3))  # a comma: quoted
    for year in (2023, 2024):  # carried in ≠ last year's carried out: findings across reports
        (folder / f"甲县教育局{year}.txt").write_bytes(report_bytes("甲县教育局", year, change=scaled(year - 2021)))
    first = run_audit([folder], tmp_path / "probe", jobs=1)
    probe = read_csv(tmp_path / "probe" / "findings.csv")
    carried = [f["fingerprint"] for f in probe if f["rule"] == "carryover-mismatch"]
    fingerprints = [f["fingerprint"] for f in probe][::3] + carried[:1]  # one carry-over finding dismissed
    assert first.unreadable and fingerprints and len(carried) > 1
    outputs = {}
    for name, jobs in (("serial", 1), ("parallel", 2)):
        out = tmp_path / name
        out.mkdir()
        (out / "dismissed.csv").write_text("fingerprint,reason\n" + "".join(f"{fp},ok\n" for fp in fingerprints))
        fresh = run_audit([folder], out, jobs=jobs, english=True)
        assert fresh.audited == first.files and fresh.dismissed
        checked = {n: (out / n).read_bytes() for n in ("findings.csv", "reports.csv")}
        for n in checked:
            (out / n).unlink()
        again = run_audit([folder], out, jobs=jobs, english=True)
        assert again.cached == first.files and again.audited == 0
        assert {n: (out / n).read_bytes() for n in checked} == checked
        outputs[name] = checked
    assert outputs["serial"] == outputs["parallel"]
    assert b'"' in outputs["serial"]["findings.csv"]


# -- dismissals ----------------------------------------------------------------------------


def test_dismissed_findings_are_marked_and_survive_a_rerun(tmp_path: Path) -> None:
    src = tmp_path / "r"
    src.mkdir()
    bad = set_cell(2, 0, 999)  # （一）予以公开 自然人: row total and balance no longer add up
    (src / "a.txt").write_bytes(report_bytes("甲县教育局", 2022, change=bad))
    out = tmp_path / "out"
    first = run_audit([src], out, jobs=1)
    findings = read_csv(out / "findings.csv")
    errors = [f for f in findings if f["severity"] == "error"]
    assert errors and first.status == 1
    (out / "dismissed.csv").write_text(
        "fingerprint,reason,reviewer,date\n"
        + "".join(f"{f['fingerprint']},已核实：原表印刷错误,张三,2026-11-25\n" for f in errors)
        + "ffffffffffffffff,旧的驳回,李四,2026-01-01\n",
        encoding="utf-8",
    )
    for _ in range(2):
        result = run_audit([src], out, jobs=1)
        assert result.audited == 0
        assert result.errors == 0 and result.dismissed == len(errors) and result.stale_dismissals == 1
        assert result.status == 0
        marked = read_csv(out / "findings.csv")
        assert {f["fingerprint"] for f in marked if f["dismissed"] == "yes"} == {f["fingerprint"] for f in errors}
        assert all(f["dismissal_reason"] == "已核实：原表印刷错误" for f in marked if f["dismissed"] == "yes")
        page = (out / "audit.html").read_text(encoding="utf-8")
        section = page.split('id="dismissed"', 1)[1]
        assert "已核实：原表印刷错误" in section and "张三" in section
        row = read_csv(out / "reports.csv")[0]
        assert (row["errors"], row["dismissed"], row["error"]) == ("0", str(len(errors)), "")


def test_dismissal_file_formats() -> None:
    rows = parse_dismissals("\ufeff指纹,理由,审核人,日期\nabc,ok,张三,2026-01-01\n#x,skip,,\n\n")
    assert list(rows) == ["abc"] and rows["abc"].reviewer == "张三"
    bare = parse_dismissals("abc,reason only\n")
    assert bare["abc"].reason == "reason only" and bare["abc"].date == ""


def test_dismissals_written_by_excel_in_gb18030_are_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "dismissed.csv").write_bytes("fingerprint,reason,reviewer,date\nabc,已核实,张三,\n".encode("gb18030"))
    from gongkai.report.audit import load_dismissals

    assert load_dismissals(out)["abc"].reason == "已核实"


# -- across reports ----------------------------------------------------------------------


def carry_in(values: list[int]) -> Callable[[Report], Report]:
    def change(r: Report) -> Report:
        assert r.table3 is not None
        rows = list(r.table3)
        rows[1] = tuple(Cell(v) for v in values)
        return replace(r, table3=tuple(rows))

    return change


def test_carryover_is_checked_between_consecutive_years(tmp_path: Path) -> None:
    src = tmp_path / "r"
    src.mkdir()
    last = sample(year=2021, agency="甲县教育局")
    assert last.table3 is not None
    out_2021 = [int(c.value or 0) for c in last.table3[last.spec.carry_out_row]]
    wrong = [7, *out_2021[1:]]  # 自然人 carried in 7, where 2021 carried out out_2021[0]
    (src / "2021.txt").write_bytes(report_bytes("甲县教育局", 2021))
    (src / "2022.txt").write_bytes(report_bytes("甲县教育局", 2022, change=carry_in(wrong)))
    (src / "2023.txt").write_bytes(report_bytes("甲县 教育局", 2023, change=carry_in(out_2021)))  # a space in the name
    (src / "2025.txt").write_bytes(report_bytes("甲县教育局", 2025, change=carry_in(wrong)))  # 2024 absent
    (src / "other.txt").write_bytes(report_bytes("乙县公安局", 2022, change=carry_in(wrong)))
    out = tmp_path / "out"
    run_audit([src], out, jobs=1)
    carry = [f for f in read_csv(out / "findings.csv") if f["rule"] == "carryover-mismatch"]
    assert [(Path(f["file"]).name, f["severity"]) for f in carry] == [("2022.txt", "warning")]
    assert f"上年报告“结转下年度继续办理”为 {out_2021[0]}" in carry[0]["message"]
    assert "自然人" in carry[0]["location"]


def test_consolidated_report_is_checked_against_its_sub_agencies(tmp_path: Path) -> None:
    src = tmp_path / "r"
    src.mkdir()
    (src / "county.txt").write_bytes(report_bytes("甲县人民政府", 2022, change=scaled(2)))
    (src / "edu.txt").write_bytes(report_bytes("甲县教育局", 2022))
    (src / "police.txt").write_bytes(report_bytes("甲县公安局", 2022))
    (src / "edu-2021.txt").write_bytes(report_bytes("甲县教育局", 2021))
    tree = tmp_path / "hierarchy.txt"
    tree.write_text("# 上级: 下级\n甲县人民政府：甲县教育局、甲县公安局\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_audit([src], out, jobs=1, hierarchy=tree)
    cross = [f for f in read_csv(out / "findings.csv") if f["rule"].startswith("consolidation-")]
    assert cross == [] and result.audited == 4

    # The county's 予以公开 自然人 one more than the sum: one error on that cell.
    base = sample(year=2022, agency="甲县人民政府")
    assert base.table3 is not None
    value = 2 * (base.table3[2][0].value or 0) + 1
    (src / "county.txt").write_bytes(report_bytes("甲县人民政府", 2022, change=set_cell(2, 0, value, scaled(2))))
    run_audit([src], out, jobs=1, hierarchy=tree)
    cross = [f for f in read_csv(out / "findings.csv") if f["rule"].startswith("consolidation-")]
    assert [(Path(f["file"]).name, f["rule"], f["severity"]) for f in cross] == [
        ("county.txt", "consolidation-mismatch", "error")
    ]
    assert "予以公开" in cross[0]["location"] and "自然人" in cross[0]["location"]
    assert f"汇总报告为 {value}" in cross[0]["message"]

    # A sub-agency missing: named; the cell where the county exceeds the one present is not an error.
    tree.write_text("甲县人民政府: 甲县教育局, 甲县公安局, 甲县民政局\n", encoding="utf-8")
    (src / "police.txt").unlink()
    run_audit([src], out, jobs=1, hierarchy=tree)
    cross = [f for f in read_csv(out / "findings.csv") if f["rule"].startswith("consolidation-")]
    assert [(f["rule"], f["severity"]) for f in cross] == [("consolidation-incomplete", "warning")]
    assert "甲县公安局" in cross[0]["message"] and "甲县民政局" in cross[0]["message"]
    assert "consolidation-incomplete" in (out / "audit.html").read_text(encoding="utf-8")


def test_hierarchy_file_format() -> None:
    tree = parse_hierarchy("# comment\n市政府: 甲区, 乙区，丙区\n  丁区；戊区\n县政府：教育局、公安局 # tail\n市政府: 甲区\n")
    assert tree == {"市政府": ["甲区", "乙区", "丙区", "丁区", "戊区"], "县政府": ["教育局", "公安局"]}
    with pytest.raises(UnreadableFile, match="第2行"):
        parse_hierarchy("市政府: 甲区\n没有冒号的一行\n")


# -- failures ------------------------------------------------------------------------------


def test_unwritable_outdir_is_one_clear_error(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="输出目录"):
        run_audit([folder], blocker / "out", jobs=1)


def test_missing_path_is_unreadable_not_fatal(folder: Path, tmp_path: Path) -> None:
    result = run_audit([folder / "nope.txt", folder / "2022"], tmp_path / "out", jobs=1)
    assert result.files == 3 and result.unreadable == 1 and result.reports == 2
    rows = read_csv(tmp_path / "out" / "reports.csv")
    assert rows[0]["error"] == "文件不存在"


def test_a_file_that_kills_its_worker_is_isolated_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import gongkai.report.audit as audit

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the workers only when they are forked")
    src = tmp_path / "r"
    src.mkdir()
    data = report_bytes("甲县教育局", 2022)
    for i in range(80):
        (src / f"r{i:02d}.txt").write_bytes(data)
    (src / "r41-crash.txt").write_bytes(data)
    real = audit._read_report

    def fragile(data: bytes, name: str) -> Report:
        if "crash" in name:
            os._exit(3)  # as a segfault in a native reader would
        return real(data, name)

    monkeypatch.setattr(audit, "_read_report", fragile)  # inherited by the forked workers
    result = run_audit([src], tmp_path / "out", jobs=2)
    assert result.files == 81 and result.audited == 81
    assert result.unreadable == 1 and result.reports == 80
    errors = {Path(r["file"]).name: r["error"] for r in read_csv(tmp_path / "out" / "reports.csv")}
    assert "进程异常退出" in errors["r41-crash.txt"]
    assert sum(1 for e in errors.values() if e) == 1


def test_collector_tuning_for_checking_is_undone_after_a_serial_run(folder: Path, tmp_path: Path) -> None:
    import gc

    before = gc.get_threshold()
    with work.gc_tuned_for_checking():
        assert gc.get_threshold() == work.CHECKING_GC_THRESHOLD and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    run_audit([folder], tmp_path / "out", jobs=1)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_findings_added_to_a_rendered_file_render_as_if_it_had_them() -> None:
    """The main process adds findings across reports to what a worker rendered: the result is
    what rendering the cache line with those findings gives, dismissals and the worst list too."""
    from gongkai.report import read_bytes
    from gongkai.report.audit.inputs import Dismissal
    from gongkai.report.audit.outputs import FINDINGS_PER_WORST, extend_summary, summarize
    from gongkai.report.check import check

    report = read_bytes(report_bytes("甲县教育局", 2022, change=set_cell(2, 0, 999)), "a.txt")
    record = work.report_record(report, check(report))
    extra = [{"rule": "carryover-mismatch", "severity": "warning", "message": f"差 {i}", "message_en": f"off {i}",
              "where": "表三", "fingerprint": f"fp{i:014d}"} for i in range(FINDINGS_PER_WORST + 3)]
    dismissals = {"fp00000000000001": Dismissal("fp00000000000001", "已核实", "张三", "2026-01-20")}
    def plain(summary: tuple[Any, ...]) -> tuple[Any, ...]:  # marshal's bytes vary with reference counts
        return (*summary[:11], marshal.loads(summary[11]))

    for english in (False, True):
        alone = summarize("a.txt", record, english=english, dismissals=dismissals)
        whole = summarize("a.txt", record, extra, english=english, dismissals=dismissals)
        assert plain(extend_summary("a.txt", alone, extra, english=english, dismissals=dismissals)) == plain(whole)
        assert plain(extend_summary("a.txt", alone, [], english=english, dismissals=dismissals)) == plain(alone)
        assert len(marshal.loads(whole[11])[0]) == FINDINGS_PER_WORST and whole[6]["dismissed"] == 1
    unreadable = summarize("b.txt", {"error": "坏", "error_en": "bad"}, english=False, dismissals={})
    assert extend_summary("b.txt", unreadable, extra, english=False, dismissals={}) == unreadable


def test_a_number_beyond_64_bits_is_kept_exactly(tmp_path: Path) -> None:
    """The cache line of a report with a huge number typed into a cell is still written (and
    read back) exactly, though the fast JSON writer refuses such integers."""
    src = tmp_path / "r"
    src.mkdir()
    (src / "huge.txt").write_bytes(report_bytes("甲县教育局", 2022, change=set_cell(0, 6, 10**30)))
    out = tmp_path / "out"
    run_audit([src], out, jobs=1)
    fresh = (out / "reports.csv").read_bytes()
    assert str(10**30).encode() in (out / CACHE_DIR / CACHE_FILE).read_bytes()
    (out / "reports.csv").unlink()
    again = run_audit([src], out, jobs=1)
    assert again.cached == 1 and (out / "reports.csv").read_bytes() == fresh
