"""Write docs/rules/*.md from the rule modules: ``python -m gongkai.report.docs_build``."""

from __future__ import annotations

from pathlib import Path

from .docs import index_page, rule_page
from .rules import RULES


def build(root: Path) -> list[Path]:
    out = root / "docs" / "rules"
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "index.md"]
    written[0].write_text(index_page(), encoding="utf-8")
    for entry in RULES.values():
        path = out / f"{entry.id}.md"
        path.write_text(rule_page(entry), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build(Path.cwd()):
        print(path)
