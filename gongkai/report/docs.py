"""Rule pages: the same Markdown for ``docs/rules/<id>.md`` and ``gongkai rule ID``."""

from __future__ import annotations

from .rules import RULES, Rule


def rule_page(rule: Rule) -> str:
    title, _, body = rule.doc.partition("\n")
    head = [
        f"# {rule.id}",
        "",
        f"**{rule.title}** — {title.strip()}",
        "",
        f"- Severity / 级别: `{rule.severity.value}`",
        f"- Status / 状态: {rule.status}, since {rule.since}",
        f"- Basis / 依据: {rule.basis}",
        "",
    ]
    return "\n".join(head) + body.strip() + "\n"


def index_page() -> str:
    lines = [
        "# Rule catalogue / 规则目录",
        "",
        "Generated from the rule modules (`make docs`); `gongkai rule ID` prints the same page.",
        "",
        "| id | severity | status | since | title |",
        "|---|---|---|---|---|",
    ]
    for r in sorted(RULES.values(), key=lambda r: r.id):
        lines.append(f"| [{r.id}]({r.id}.md) | {r.severity.value} | {r.status} | {r.since} | {r.title} |")
    return "\n".join(lines) + "\n"
