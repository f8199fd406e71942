"""Throughput and memory of the report engine (``make bench``).

    .venv/bin/python bench/run.py            # measure, print its Markdown section
    .venv/bin/python bench/run.py --write    # … and re-assemble docs/performance.md (bench/all.py)
    .venv/bin/python bench/run.py --quick    # smaller batches, for a smoke test

``make bench`` runs this with writers_bench.py, merge_bench.py and audit_bench.py through
``bench/all.py``, which puts the four sections on one page, docs/performance.md.

Targets (per core, one process): plain text ≥ 1,000 reports/s read *and* checked; HTML
pages of 100–300 KB ≥ 300/s; PDF with a text layer ≥ 10/s; peak memory < 200 MB for a
batch of 1,000. Inputs are generated deterministically into bench/out/ (gitignored) from
the corpus (see variants.py, htmlpage.py). Every timing: warm-up, then time.perf_counter
over the whole batch, three rounds, the median reported; the process is pinned to one CPU.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    LAUNCHER,
    OUT,
    ROOT,
    ROUNDS,
    command_line,
    contended,
    factor_text,
    load,
    machine,
    pin,
    profile,
    profile_markdown,
    rate,
    save_section,
    section,
    target,
)
from common import verdict as row_verdict  # noqa: E402
from htmlpage import article_html, page  # noqa: E402
from variants import CORPUS, report_variants, seed_with_tables, text_variants  # noqa: E402

from gongkai.report import check, read_bytes, read_path  # noqa: E402

PDFS = (
    "peers/govnianbao/szfgs2024.pdf",
    "peers/kirogovcompare/hzq2023_working.pdf",
    "peers/kirogovcompare/hzq2024_working.pdf",
)
TARGETS = {"text": 1000.0, "html": 300.0, "pdf": 10.0}
MEMORY_TARGET_MB = 200.0
ISSUE = "2"


# -- workloads ---------------------------------------------------------------------------


def full(item: tuple[bytes, str]) -> object:
    return check(read_bytes(*item))


_NUM = re.compile(r"\d+(?:\.\d+)?")


def naive_text(item: tuple[bytes, str]) -> list[list[str]]:
    """The baseline of the issue: decode, split lines, pull the numbers with one regex. No checks."""
    data = item[0]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return [_NUM.findall(line) for line in text.splitlines()]


def stages(items: list[tuple[bytes, str]]) -> dict[str, Any]:
    """The pipeline cut in three: bytes → blocks, blocks → Report, Report → findings."""
    from gongkai.report.readers import read_blocks
    from gongkai.report.readers.assemble import assemble

    blocks = [(read_blocks(data, name)[1], name) for data, name in items]
    reports = [assemble(b, source=name) for b, name in blocks]
    return {
        "read_blocks (bytes → blocks)": rate(lambda it: read_blocks(*it), items),
        "assemble (blocks → Report)": rate(lambda it: assemble(it[0], source=it[1]), blocks),
        "check (Report → findings)": rate(check, reports),
        "blocks": {
            "text": statistics.mean(sum(b.kind == "text" for b in bl) for bl, _ in blocks),
            "row": statistics.mean(sum(b.kind == "row" for b in bl) for bl, _ in blocks),
        },
    }


def rule_costs(items: list[tuple[bytes, str]]) -> list[tuple[str, float]]:
    """Microseconds per report spent in each rule (median of three passes)."""
    from gongkai.report.rules import RULES, Context

    contexts = [Context(read_bytes(*it)) for it in items]
    out = []
    for rule_id, entry in RULES.items():
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            for ctx in contexts:
                list(entry.run(ctx))
            times.append(time.perf_counter() - start)
        out.append((rule_id, statistics.median(times) / len(contexts) * 1e6))
    return sorted(out, key=lambda x: -x[1])


# -- memory and the command line ---------------------------------------------------------


def child_memory(folder: str) -> None:
    """Run inside the child: read and check every file, keep every Report and finding."""
    start = time.perf_counter()
    kept = []
    errors = 0
    for path in sorted(Path(folder).iterdir()):
        try:
            report = read_path(path)
            kept.append((report, check(report)))
        except Exception:
            errors += 1
    print(
        json.dumps(
            {"files": len(kept) + errors, "errors": errors, "seconds": time.perf_counter() - start}
        )
    )




def run_child(args: list[str], stdout: Any = subprocess.PIPE) -> tuple[float, int, str, int]:
    """Wall seconds, peak RSS (KB, the child and its children), its stdout, exit status."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER, *args],
            stdout=stdout,
            stderr=errors,
            cwd=ROOT,
        )
        out = proc.stdout.read().decode() if proc.stdout else ""
        proc.wait()
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    found = re.findall(r"BENCH-CHILD (\d+) ([\d.e-]+) (-?\d+)", err)
    if not found or int(found[-1][2]) not in (0, 1):
        raise RuntimeError(f"{args[:3]} failed: {err[-2000:]}")
    kb, seconds, code = found[-1]
    return float(seconds), int(kb), out, int(code)


def memory(text_dir: Path) -> dict[str, Any]:
    py = sys.executable
    _, floor_kb, _, _ = run_child(["/bin/true"])
    _, base_kb, _, _ = run_child([py, "-c", "import gongkai.report, gongkai.report.rules"])
    _, batch_kb, out, _ = run_child([py, str(HERE / "run.py"), "--child-memory", str(text_dir)])
    batch = json.loads(out)
    files = sorted(str(p) for p in text_dir.iterdir())
    gongkai = str(Path(sys.executable).parent / "gongkai")
    _, one_kb, _, _ = run_child([gongkai, "check", "--format", "json", files[0]])
    one_s = min(run_child([gongkai, "check", "--format", "json", files[0]])[0] for _ in range(3))
    with open(OUT / "cli.jsonl", "wb") as sink:
        cli_s, cli_kb, _, status = run_child(
            [gongkai, "check", "--format", "json", *files], stdout=sink
        )
    lines = (OUT / "cli.jsonl").read_text("utf-8").splitlines()
    return {
        "floor_mb": floor_kb / 1024,
        "import_mb": base_kb / 1024,
        "batch_mb": batch_kb / 1024,
        "batch_files": batch["files"],
        "batch_errors": batch["errors"],
        "batch_s": batch["seconds"],
        "cli_files": len(files),
        "cli_lines": len(lines),
        "cli_errors": sum(1 for ln in lines if json.loads(ln)["error"]),
        "cli_s": cli_s,
        "cli_mb": cli_kb / 1024,
        "cli_status": status,
        "cli_one_s": one_s,
        "cli_one_mb": one_kb / 1024,
    }


# -- inputs ------------------------------------------------------------------------------


def writer_article(report: Any) -> str | None:
    """The page body from gongkai.report.writers.html.write_html when that writer exists."""
    try:
        from gongkai.report.writers.html import write_html
    except ImportError:
        return None
    out = write_html(report)
    body = re.search(r"<body[^>]*>(.*)</body>", out, re.S)
    return body.group(1) if body else out


def make_inputs(n_text: int, n_html: int) -> dict[str, Any]:
    text_dir, html_dir = OUT / "text", OUT / "html"
    for folder in (text_dir, html_dir):  # only this script's own inputs (bench/out holds others')
        if folder.exists():
            shutil.rmtree(folder)
    text_dir.mkdir(parents=True)
    html_dir.mkdir(parents=True)
    variants = text_variants(n_text)
    for v in variants:
        (text_dir / v.name).write_bytes(v.data)

    # Two kinds of page, n_html each: tables pasted from Word (bench/htmlpage.py), and the
    # article as gongkai's own HTML writer publishes it (when the writer exists).
    rng = random.Random(300)
    pages: list[tuple[bytes, str]] = []
    expected: list[tuple[str, int | None, Any, Any, Any]] = []
    for i, (place, agency, year, tables, prose) in enumerate(report_variants(2 * n_html)):
        kind = "word" if i % 2 == 0 else "writer"
        article = None
        if kind == "writer":
            source = read_bytes(seed_with_tables(prose, tables).encode("utf-8"), "x.txt")
            article = writer_article(source)
            if article is None:
                continue
            want = (
                source.agency,
                source.year,
                source.table3_values(),
                source.table4_values(),
                [list(x.values()) for x in source.table2_values().values()],
            )
        else:
            article = article_html(prose, tables)
            want = (agency, year, tables.t3, tables.t4, tables.t2)
        data = page(rng, place, agency, year, article, rng.randint(100, 300)).encode("utf-8")
        name = f"{kind}-{i:04d}.html"
        (html_dir / name).write_bytes(data)
        pages.append((data, name))
        expected.append(want)
    return {"text": variants, "text_dir": text_dir, "html": pages, "html_expected": expected}


def fidelity(
    variants: list[Any], pages: list[tuple[bytes, str]], expected: list[Any]
) -> dict[str, Any]:
    """How many generated inputs read back with the agency, year and tables they were made with."""
    seed_ok = seed_n = peer_ok = 0
    for v in variants:
        r = read_bytes(v.data, v.name)
        good = r.agency == v.agency and r.year == v.year
        if v.tables is not None:
            seed_n += 1
            seed_ok += (
                good and r.table3_values() == v.tables.t3 and r.table4_values() == v.tables.t4
            )
        else:
            peer_ok += good
    html_ok = 0
    for (data, name), want in zip(pages, expected, strict=True):
        r = read_bytes(data, name)
        got = (
            r.agency,
            r.year,
            r.table3_values(),
            r.table4_values(),
            [list(x.values()) for x in r.table2_values().values()],
        )
        html_ok += got == want
    return {
        "seed": (seed_ok, seed_n),
        "peer": (peer_ok, len(variants) - seed_n),
        "html": (html_ok, len(pages)),
    }


# -- PDF comparisons ---------------------------------------------------------------------


def pdfium_text(item: tuple[bytes, str]) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(item[0])
    try:
        parts = []
        for page_ in doc:
            tp = page_.get_textpage()
            parts.append(tp.get_text_range())
            tp.close()
            page_.close()
        return "".join(parts)
    finally:
        doc.close()


def pdfminer_text(item: tuple[bytes, str]) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(item[0]))


def optional_import(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


# -- report ------------------------------------------------------------------------------


def targets_of(res: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the summary table (issue 2's targets)."""
    r, mem = res["rates"], res["memory"]
    t, h, p = r["text"]["full"], r["html"]["full"], r["pdf"]["full"]
    return [
        target(ISSUE, f"plain text, read + check ≥ {TARGETS['text']:,.0f}/s per core", t["median"], TARGETS["text"], "min",
               f"{t['median']:,.0f}/s ({t['ms']:.2f} ms/report; {t['cpu']:,.0f} per CPU-second{contended(t)})"),
        target(ISSUE, f"HTML 100–300 KB, read + check ≥ {TARGETS['html']:,.0f}/s per core", h["median"], TARGETS["html"], "min",
               f"{h['median']:,.0f}/s ({h['ms']:.2f} ms/page; {h['cpu']:,.0f} per CPU-second{contended(h)})"),
        target(ISSUE, f"PDF with text layer, read + check ≥ {TARGETS['pdf']:,.0f}/s per core", p["median"], TARGETS["pdf"], "min",
               f"{p['median']:,.1f}/s ({p['ms']:.1f} ms/file; {p['cpu']:,.1f} per CPU-second{contended(p)})"),
        target(ISSUE, f"peak memory, batch of {mem['batch_files']:,} text reports < {MEMORY_TARGET_MB:.0f} MB",
               mem["batch_mb"], MEMORY_TARGET_MB, "max", f"{mem['batch_mb']:.1f} MB max RSS"),
    ]


def markdown(res: dict[str, Any], targets: list[dict[str, Any]]) -> str:
    r = res["rates"]
    L: list[str] = []
    L.append("## Report engine: read and check (issue 2) — `bench/run.py`")
    L.append("")
    L.append(
        "Figures are files per second in one process pinned to one CPU core (median of "
        f"{ROUNDS} timed rounds after a warm-up; best round in brackets)."
    )
    L.append("")
    L.append("| run | |")
    L.append("|---|---|")
    L.append(f"| date | {res['date']} |")
    L.append(f"| command | `{res['command']}` |")
    L.append(f"| process | {res['pinned']}; load average before the run {res['load']} |")
    L.append("")
    L.append("### Targets")
    L.append("")
    L.append("| target | measured | result | factor |")
    L.append("|---|---|---|---:|")
    for row in targets:
        L.append(f"| {row['target']} | {row['measured']} | {row_verdict(row)} | {factor_text(row)} |")
    t, p, mem = r["text"]["full"], r["pdf"]["full"], res["memory"]
    L.append("")
    L.append("### All figures")
    L.append("")
    L.append("| workload | files | files/s (best round) | ms per file | files per CPU-second |")
    L.append("|---|---:|---:|---:|---:|")
    for group, title in (("text", "plain text"), ("html", "HTML"), ("pdf", "PDF")):
        for label, x in r[group].items():
            L.append(
                f"| {title}: {label} | {x['n']:,} | {x['median']:,.1f} ({x['best']:,.1f}) "
                f"| {x['ms']:.3f} | {x['cpu']:,.1f} |"
            )
    L.append("")
    L.append(
        "files/s is wall time (time.perf_counter); files per CPU-second is the process's own CPU time "
        "(time.process_time). Where the two differ by more than a few per cent another process "
        "shared the core during the run."
    )
    L.append("")
    L.append(
        "Memory and the command line (separate processes started from a small fork-exec launcher, "
        f"peak RSS = `ru_maxrss` from `os.wait4`): importing the engine "
        f"takes {mem['import_mb']:.1f} MB (the launcher's floor, `/bin/true`, reads {mem['floor_mb']:.1f} MB); reading and checking the {mem['batch_files']:,} text reports in one "
        f"process while *keeping* every `Report` and its findings peaks at **{mem['batch_mb']:.1f} MB** "
        f"({mem['batch_s']:.1f} s, {mem['batch_errors']} unreadable). "
        f"`gongkai check --format json` over the same {mem['cli_files']:,} files on disk: "
        f"{mem['cli_s']:.1f} s wall ({mem['cli_files'] / mem['cli_s']:,.0f} files/s including start-up), "
        f"peak {mem['cli_mb']:.1f} MB, {mem['cli_lines']:,} JSON lines, {mem['cli_errors']} unreadable, "
        f"exit status {mem['cli_status']}. One file through the command takes {mem['cli_one_s'] * 1000:.0f} ms "
        f"(interpreter and import start-up), peak {mem['cli_one_mb']:.1f} MB."
    )
    L.append("")
    L.append("### Inputs")
    L.append("")
    fid = res["fidelity"]
    L.append(
        f"- **Plain text**: {r['text']['full']['n']:,} reports generated into `bench/out/text/` by `bench/variants.py` "
        f"(seeded random): {fid['seed'][1]:,} variations of the seed report "
        "(`seed/000_48de57da75f02281.txt`, new consistent tables 二/三/四, new agency and year) and "
        f"{fid['peer'][1]:,} of the peer reports `shuyang-county-gov-2025.txt`, `shanghai-stcsm-2024-source.md`, "
        "`shanghai-gov-office-2025-source.md` (every table number and “N 件” scaled by one integer, which keeps "
        "the sums; agency and year replaced). Surface variation: tabs as runs of spaces, full-width digits, "
        "ideographic indents, doubled blank lines, CRLF, BOM, GB18030. Mean size "
        f"{res['sizes']['text']:.1f} KB. Read back as generated (agency, year, tables 三 and 四): "
        f"seed variations {fid['seed'][0]}/{fid['seed'][1]}, peers (agency, year) {fid['peer'][0]}/{fid['peer'][1]}"
        " — the seed's （六） rows print 8 numbers for 7 columns, so a few draws are ambiguous by construction."
    )
    L.append(
        f"- **HTML**: {r['html']['full']['n']:,} pages in `bench/out/html/`, "
        f"{res['sizes']['html_min']:.0f}–{res['sizes']['html_max']:.0f} KB (mean {res['sizes']['html']:.0f} KB), "
        "each the seed's prose with fresh consistent tables inside government-site chrome from "
        "`bench/htmlpage.py` (top bar, header with search form, a 35-link navigation bar, breadcrumb, sidebar "
        "link lists, an index table, share bar, related-article list, footer link lists, inline `<style>` and "
        "`<script>`; the chrome is sized to put the page at a random 100–300 KB). "
        f"{r['html']['full']['n'] - res['writer']:,} pages carry the tables as pasted from Word "
        "(`<td width style><p><span style>` per cell; table 三 with 10 columns, 三、本年度办理结果 rowspan 22, "
        "group cells rowspan 8/3/5/3, header colspans; table 四 15 columns under three header rows); "
        + (
            f"{res['writer']:,} carry the article as `gongkai.report.writers.html.write_html` publishes it "
            "(`<th scope>`/`headers`, merged header cells). "
            if res["writer"]
            else "`gongkai.report.writers.html` did not exist, so every page uses the bench's own tables. "
        )
        + f"Read back exactly (agency, year, tables 二/三/四): {fid['html'][0]}/{fid['html'][1]}."
    )
    L.append(
        f"- **PDF**: the corpus PDFs `{'`, `'.join(Path(x).name for x in PDFS)}` "
        f"(6, 5 and 5 pages), looped to {r['pdf']['full']['n']} files."
    )
    L.append("")
    L.append("### Comparisons")
    L.append("")
    nt, nh = (
        r["text"].get("naive baseline (decode, split lines, one regex; no checks)"),
        r["html"].get("lxml parse only (no chrome removal, no tables, no checks)"),
    )
    if nt:
        L.append(
            f"- **Naive text parser** (decode, `splitlines`, one `re.findall` of numbers per line into a list; "
            f"checks nothing): {nt['median']:,.0f}/s here against {t['median']:,.0f}/s for the engine, i.e. the engine "
            f"costs {nt['median'] / t['median']:,.0f}× the naive parser per file. The issue quotes about 1,100/s "
            "for a naive parser “on these machines”; written as the issue describes it, the naive parser runs "
            f"{nt['median'] / TARGETS['text']:,.0f}× faster than that on these reports (mean "
            f"{res['sizes']['text']:.1f} KB), so that quoted figure must describe a heavier parser. The target "
            f"itself (1,000/s = 1 ms per report) stands: the engine is at {t['ms']:.2f} ms."
        )
    if nh:
        L.append(
            f"- **HTML floor**: lxml parsing alone runs at {nh['median']:,.0f}/s on these pages."
        )
    pm = r["pdf"].get("pdfminer.six extract_text only (pdfplumber's engine)")
    pf = r["pdf"].get("pypdfium2 plain text only (get_text_range)")
    if pm or pf:
        parts = []
        if pf:
            parts.append(f"pypdfium2's plain text extraction alone runs at {pf['median']:,.1f}/s")
        if pm:
            parts.append(
                f"pdfminer.six (the engine under pdfplumber, installed in .venv) `extract_text` alone at {pm['median']:,.2f}/s"
            )
        L.append(
            f"- **PDF text extraction alone**: {'; '.join(parts)}; the engine reads *and* checks at {p['median']:,.1f}/s."
        )
    L.append(
        f"- pypdf: {'importable' if res['pypdf'] else 'not installed in .venv (not a dependency), so not timed'}."
    )
    L.append("")
    L.append("### Where the time goes")
    L.append("")
    L.append(
        "Stage rates (files/s) over the same inputs — read_blocks is the format reader, assemble the one interpreter, check the rule catalogue:"
    )
    L.append("")
    L.append("| stage | plain text | HTML | PDF |")
    L.append("|---|---:|---:|---:|")
    for stage in res["stages"]["text"]:
        if stage == "blocks":
            continue
        row = [res["stages"][g][stage] for g in ("text", "html", "pdf")]
        L.append(
            f"| {stage} | "
            + " | ".join(f"{x['median']:,.0f}/s ({x['ms']:.2f} ms)" for x in row)
            + " |"
        )
    L.append(
        "| blocks per file (text lines / table rows) | "
        + " | ".join(
            f"{res['stages'][g]['blocks']['text']:,.0f} / {res['stages'][g]['blocks']['row']:,.0f}"
            for g in ("text", "html", "pdf")
        )
        + " |"
    )
    L.append("")
    L.append(
        "Every block goes through the interpreter (assemble), so chrome that survives the HTML "
        "reader as text (related-article lists, the index table, the article's date line) costs "
        "interpreter time per page as well."
    )
    L.append("")
    L.append(
        "Per rule, microseconds per plain-text report (median of three passes; the catalogue runs all of them):"
    )
    L.append("")
    L.append("| rule | µs/report |")
    L.append("|---|---:|")
    for rule_id, us in res["rules"]:
        L.append(f"| {rule_id} | {us:,.1f} |")
    L.append("")
    for group, prof in res["profiles"].items():
        note = ""
        if group == "HTML":
            note = (
                "The own time of `read_html` is libxml2 parsing, the chrome scan and the XSLT "
                "flattening: C code that cProfile cannot see into. lxml parsing alone costs "
                f"{r['html']['lxml parse only (no chrome removal, no tables, no checks)']['ms']:.2f} ms "
                "per page (All figures), the floor of any design that parses the whole page."
            )
        L += profile_markdown(prof, f"#### Profile: {group} (missed target)", "files, read_bytes + check", note)
    return "\n".join(L) + "\n"


# -- main --------------------------------------------------------------------------------


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--write", action="store_true", help="save the section and re-assemble docs/performance.md"
    )
    parser.add_argument(
        "--section", type=Path, default=None, help="write the section (JSON) for bench/all.py here"
    )
    parser.add_argument(
        "--quick", action="store_true", help="small batches (smoke test, not for figures)"
    )
    parser.add_argument(
        "--cpu", type=int, default=None, help="CPU to pin to (default: the idlest)"
    )
    parser.add_argument("--json", type=Path, default=None, help="also dump the raw results as JSON")
    parser.add_argument("--child-memory", help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.child_memory:
        child_memory(args.child_memory)
        return 0

    started = time.perf_counter()
    n_text, n_html, pdf_rounds = (200, 40, 2) if args.quick else (1000, 200, 12)
    load_before = load()
    box = machine()
    pinned = pin(args.cpu)
    say = print if sys.stdout.isatty() else (lambda *a, **k: print(*a, file=sys.stderr, **k))
    say("generating inputs …")
    inputs = make_inputs(n_text, n_html)
    text_items = [(v.data, v.name) for v in inputs["text"]]
    html_items = inputs["html"]
    word_items = [it for it in html_items if it[1].startswith("word-")]
    writer_items = [it for it in html_items if it[1].startswith("writer-")]
    pdf_items = [((CORPUS / p).read_bytes(), Path(p).name) for p in PDFS] * pdf_rounds
    res: dict[str, Any] = {
        "machine": box,
        "date": box["date"],
        "pinned": pinned,
        "load": load_before,
        "command": command_line("run.py"),
        "writer": len(writer_items),
        "pypdf": optional_import("pypdf"),
        "sizes": {
            "text": statistics.mean(len(d) for d, _ in text_items) / 1024,
            "html": statistics.mean(len(d) for d, _ in html_items) / 1024,
            "html_min": min(len(d) for d, _ in html_items) / 1024,
            "html_max": max(len(d) for d, _ in html_items) / 1024,
        },
    }
    say("checking the inputs read back …")
    res["fidelity"] = fidelity(inputs["text"], html_items, inputs["html_expected"])

    say("plain text …")
    text_files = sorted(inputs["text_dir"].iterdir())
    seed_items = [it for it in text_items if it[1].startswith("seed-")]
    peer_items = [it for it in text_items if it[1].startswith("peer-")]
    rates: dict[str, dict[str, dict[str, float]]] = {"text": {}, "html": {}, "pdf": {}}
    rates["text"]["full"] = rate(full, text_items)
    rates["text"]["read_path + check, files on disk"] = rate(
        lambda p: check(read_path(p)), text_files
    )
    rates["text"]["seed variations only"] = rate(full, seed_items)
    rates["text"]["peer variations only"] = rate(full, peer_items)
    rates["text"]["naive baseline (decode, split lines, one regex; no checks)"] = rate(
        naive_text, text_items
    )

    say("HTML …")
    from lxml import etree

    html_parser = etree.HTMLParser()
    rates["html"]["full"] = rate(full, html_items)
    rates["html"]["pages with Word-pasted tables (bench/htmlpage.py)"] = rate(full, word_items)
    if writer_items:
        rates["html"]["pages with gongkai's own HTML writer article"] = rate(full, writer_items)
    rates["html"]["lxml parse only (no chrome removal, no tables, no checks)"] = rate(
        lambda it: etree.fromstring(it[0], html_parser), html_items
    )

    say("PDF …")
    rates["pdf"]["full"] = rate(full, pdf_items, warmup=3)
    rates["pdf"]["pypdfium2 plain text only (get_text_range)"] = rate(
        pdfium_text, pdf_items, warmup=3
    )
    if optional_import("pdfminer"):
        rates["pdf"]["pdfminer.six extract_text only (pdfplumber's engine)"] = rate(
            pdfminer_text, pdf_items[: 3 * (1 if args.quick else 2)], warmup=1
        )
    res["rates"] = rates

    say("stages and rules …")
    res["stages"] = {
        "text": stages(text_items),
        "html": stages(html_items),
        "pdf": stages(pdf_items),
    }
    res["rules"] = rule_costs(text_items)

    say("memory and the command line …")
    res["memory"] = memory(inputs["text_dir"])

    say("profiles …")
    res["profiles"] = {}
    groups = {  # a sample of each batch: the percentages are what the profile is for
        "plain text": ("text", text_items[:400]),
        "HTML": ("html", html_items[:120]),
        "PDF": ("pdf", pdf_items),
    }
    for label, (key, items) in groups.items():
        if rates[key]["full"]["median"] < TARGETS[key]:
            res["profiles"][label] = profile(full, items)

    targets = targets_of(res)
    report = markdown(res, targets)
    print(report)
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), "utf-8")
    sec = section(
        "engine", 1, "Report engine", res["command"], time.perf_counter() - started, targets, report,
        quick=args.quick,
    )
    save_section(sec, args.section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
