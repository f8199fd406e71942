"""``audit.html``: one self-contained page summarising the run, for people.

``render_html`` draws the page from a ``Collector`` once every file has been added: the
totals, findings by rule (with each rule's documentation), by agency, the reports with the most
findings, charts of requests and outcomes by year, the dismissed findings and the unreadable
files. Inline CSS and SVG only: no script, no external resource, so that the page can be
mailed or archived as it is (docs/audit.md).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from html import escape

from ..model import Number
from ..rules import RULES
from .across import AUDIT_RULES
from .markup import Markup, bar_chart, html_table, stacked_chart
from .outputs import Collector, YearRow
from .work import OUTCOME_GROUPS

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "notice": "提示"}
_OPEN = ' open="open"'

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:0 auto;max-width:72rem;padding:1rem 1.5rem 4rem;color:#1a1a1a;line-height:1.6;background:#fff}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #264653;padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.75rem 0 1.25rem;font-size:.92rem;width:100%}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #b8c4cc;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e8eef2}tbody th{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a4161a;font-weight:bold}.warning{color:#8a5a00;font-weight:bold}.notice{color:#1d5f8a}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.cards li{border:1px solid #b8c4cc;border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.cards b{display:block;font-size:1.5rem}
nav ul{columns:2;padding-left:1.2rem}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#444}
svg{max-width:100%;height:auto;font-family:inherit}details{margin:.4rem 0}summary{cursor:pointer}
pre.doc{white-space:pre-wrap;background:#f5f7f8;padding:.6rem;font-size:.85rem}
code{font-family:monospace;font-size:.9em}.muted{color:#555}
@media print{details{display:block}body{max-width:none}}
"""


def render_html(c: Collector) -> str:
    """The whole page: inline CSS and SVG, no script, no external resource."""
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        "<title>政府信息公开工作年度报告 批量检查结果</title>\n<style>",
        _CSS,
        "</style>\n</head>\n<body>\n<header><h1>政府信息公开工作年度报告 批量检查结果</h1>",
        f'<p class="muted">生成时间：{escape(time.strftime("%Y-%m-%d %H:%M:%S"))}；完整的问题清单见同目录下的 '
        "<code>findings.csv</code>，每份报告一行的数字见 <code>reports.csv</code>。</p></header>\n",
        _nav(c),
        "<main>\n",
        _summary(c),
        _by_rule(c),
        _by_agency(c),
        _worst(c),
        _charts(c),
        _dismissed(c),
        _unreadable(c),
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _nav(c: Collector) -> str:
    items = [("summary", "概况"), ("rules", "按规则统计"), ("agencies", "按机关统计"), ("worst", "问题最多的报告"),
             ("charts", "图表")]
    items += [("dismissed", "已驳回的问题"), ("unreadable", "无法读取的文件")]
    links = "".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in items)
    return f'<nav aria-label="目录"><ul>{links}</ul></nav>\n'


def _sev(severity: str) -> Markup:
    return Markup(f'<span class="{escape(severity)}">{_SEVERITY_ZH.get(severity, escape(severity))}</span>')


def _summary(c: Collector) -> str:
    n = c.counts
    cards = [("文件", c.seq), ("已读出的报告", n["reports"]), ("无法读取", n["unreadable"]), ("错误", n["error"]),
             ("警告", n["warning"]), ("提示", n["notice"]), ("已驳回", n["dismissed"])]
    items = "".join(f"<li><b>{v:,}</b>{escape(k)}</li>" for k, v in cards)
    years = sorted(c.by_year)
    span = f"{years[0]}—{years[-1]} 年" if len(years) > 1 else f"{years[0]} 年" if years else "无"
    stale = c.stale
    note = f"<p>dismissed.csv 中有 {stale} 条驳回记录未匹配到本次的任何问题（报告已修改或已删除）。</p>" if stale else ""
    return (f'<section id="summary"><h2>概况</h2><ul class="cards">{items}</ul>'
            f"<p>报告年度：{escape(span)}；机关：{len(c.by_agency):,} 个。问题计数不含已驳回的问题。</p>{note}</section>\n")


def _rule_info(rule: str) -> tuple[str, str, str]:
    """Title, severity and page text of a catalogue rule or an audit rule."""
    if rule in RULES:
        entry = RULES[rule]
        return entry.title, entry.severity.value, entry.doc
    if rule in AUDIT_RULES:
        a = AUDIT_RULES[rule]
        return a.title, a.severity.value, a.doc + "\n\n（跨报告核对，见 docs/audit.md）"
    return rule, "", ""


def _by_rule(c: Collector) -> str:
    rules = sorted(set(c.by_rule) | set(c.by_rule_dismissed), key=lambda r: (-c.by_rule.get(r, 0), r))
    if not rules:
        return '<section id="rules"><h2>按规则统计</h2><p>没有发现问题。</p></section>\n'
    rows = []
    for rule in rules:
        title, severity, _ = _rule_info(rule)
        rows.append((Markup(f'<a href="#rule-{escape(rule)}"><code>{escape(rule)}</code></a>'), title,
                     _sev(severity), c.by_rule.get(rule, 0), c.by_rule_dismissed.get(rule, 0)))
    docs = []
    for rule in rules:
        title, _, doc = _rule_info(rule)
        docs.append(f'<details id="rule-{escape(rule)}"><summary><code>{escape(rule)}</code> {escape(title)}'
                    f'（docs/rules/{escape(rule)}.md）</summary><pre class="doc">{escape(doc)}</pre></details>')
    return ('<section id="rules"><h2>按规则统计</h2>'
            + html_table("各规则发现的问题数", ("规则", "说明", "级别", "问题数", "已驳回"), rows, numeric=(3, 4))
            + "<h3>规则说明</h3>" + "".join(docs) + "</section>\n")


def _by_agency(c: Collector) -> str:
    rows = sorted(c.by_agency.values(), key=lambda a: (-a.error, -a.warning, a.name))
    shown = rows[:500]
    body = html_table(
        "各机关的报告与问题（按错误数、警告数排序）" + (f"，仅列前 {len(shown)} 个，共 {len(rows)} 个" if len(rows) > len(shown) else ""),
        ("机关", "报告数", "年度", "错误", "警告", "提示", "已驳回"),
        ((a.name, a.reports, "、".join(map(str, sorted(a.years))) or "—", a.error, a.warning, a.notice, a.dismissed)
         for a in shown),
        numeric=(1, 3, 4, 5, 6),
    )
    return f'<section id="agencies"><h2>按机关统计</h2>{body}</section>\n'


def _worst(c: Collector) -> str:
    ranked = sorted(c.worst, key=lambda item: (-item[0][0], -item[0][1], -item[0][2], item[1]))
    if not ranked:
        return '<section id="worst"><h2>问题最多的报告</h2><p>没有待处理的问题。</p></section>\n'
    out = ['<section id="worst"><h2>问题最多的报告</h2>',
           f"<p>按错误数、再按警告数排序，列出前 {len(ranked)} 份报告及其问题（不含已驳回的问题）。</p>"]
    for rank, (_, _, e) in enumerate(ranked, start=1):
        counts = e["counts"]
        head = (f"{rank}. {e['agency'] or '（未识别机关）'} {e['year'] or '?'}年（{e['file']}）："
                f"错误 {counts.get('error', 0)}，警告 {counts.get('warning', 0)}，提示 {counts.get('notice', 0)}")
        rows = [(_sev(f["severity"]), Markup(f'<a href="#rule-{escape(f["rule"])}"><code>{escape(f["rule"])}</code></a>'),
                 f["where"], f["message_en"] if c.english else f["message"], Markup(f"<code>{escape(f['fingerprint'])}</code>"))
                for f in e["findings"]]
        more = f"<p>另有 {e['more']} 条，见 findings.csv。</p>" if e["more"] else ""
        out.append(f"<details{_OPEN if rank <= 3 else ''}><summary>{escape(head)}</summary>"
                   + html_table(f"{e['file']} 的问题", ("级别", "规则", "位置", "说明", "指纹"), rows, row_header=False)
                   + more + "</details>")
    out.append("</section>\n")
    return "".join(out)


def _charts(c: Collector) -> str:
    out = ['<section id="charts"><h2>图表</h2>']
    years = sorted(c.by_year)
    if not years:
        out.append("<p>没有读出年度的报告，无法作图。</p></section>\n")
        return "".join(out)
    out.append(_new_chart(c, years[-1]))
    out.append(_outcome_chart(c, years))
    out.append(_appeal_chart(c, years))
    if len(years) > 1:
        out.append(_yoy(c, years))
    out.append("</section>\n")
    return "".join(out)


def _name_of(c: Collector, key: str) -> str:
    row = c.by_agency.get(key)
    return row.name if row else key


def _new_chart(c: Collector, year: int) -> str:
    values = sorted(((v, k) for (k, y), v in c.new_by_agency.items() if y == year), key=lambda x: (-x[0], x[1]))[:25]
    if not values:
        return ""
    labels = [_name_of(c, k) for _, k in values]
    return bar_chart("chart-new", f"{year} 年本年新收政府信息公开申请数（前 {len(values)} 个机关）",
                     f"横向条形图，按新收申请数从多到少排列 {len(values)} 个机关。", labels,
                     [("新收申请", [v for v, _ in values])])


def _outcome_chart(c: Collector, years: Sequence[int]) -> str:
    rows = [(f"{y} 年", [c.by_year[y].outcomes[g] for g in OUTCOME_GROUPS]) for y in years]
    if not any(sum(v) for _, v in rows):
        return ""
    return stacked_chart("chart-outcomes", "办理结果构成（各年度，按“总计”列）",
                         "百分比堆叠条形图：每年度一条，各段为予以公开、部分公开、不予公开、无法提供、不予处理、其他处理所占比例。",
                         OUTCOME_GROUPS, rows)


def _appeal_chart(c: Collector, years: Sequence[int]) -> str:
    series = [("行政复议", [c.by_year[y].numbers["reconsideration"] for y in years]),
              ("行政诉讼", [c.by_year[y].numbers["litigation"] for y in years])]
    return bar_chart("chart-appeals", "政府信息公开行政复议、行政诉讼案件数（各年度合计）",
                     "分组条形图：每年度两条，分别为行政复议总计和行政诉讼总计（直接起诉与复议后起诉之和）。",
                     [f"{y} 年" for y in years], series)


def _yoy(c: Collector, years: Sequence[int]) -> str:
    rows = []
    prev: YearRow | None = None
    for y in years:
        r = c.by_year[y]
        change = "—"
        if prev is not None and prev.numbers["new"]:
            change = f"{(r.numbers['new'] - prev.numbers['new']) / prev.numbers['new']:+.1%}"
        rows.append((f"{y} 年", r.reports, r.numbers["new"], change, r.numbers["handled"], r.numbers["carried_out"],
                     r.numbers["reconsideration"], r.numbers["litigation"]))
        prev = r
    out = ["<h3>逐年比较</h3>",
           bar_chart("chart-yoy", "各年度本年新收申请数合计", "条形图：每年度一条，为该年度所有报告新收申请总计之和。",
                     [f"{y} 年" for y in years], [("新收申请", [c.by_year[y].numbers["new"] for y in years])]),
           html_table("各年度合计", ("年度", "报告数", "新收", "较上年", "办理结果总计", "结转下年度", "行政复议", "行政诉讼"),
                      rows, numeric=(1, 2, 3, 4, 5, 6, 7))]
    multi: dict[str, dict[int, Number]] = {}
    for (key, year), value in c.new_by_agency.items():
        multi.setdefault(key, {})[year] = value
    several = sorted(((k, v) for k, v in multi.items() if len(v) > 1), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:30]
    if several:
        out.append(html_table(f"有多个年度报告的机关：本年新收申请数（前 {len(several)} 个）", ("机关", *(f"{y} 年" for y in years)),
                              ((_name_of(c, k), *(v.get(y) for y in years)) for k, v in several),
                              numeric=tuple(range(1, len(years) + 1))))
    return "".join(out)


def _dismissed(c: Collector) -> str:
    out = ['<section id="dismissed"><h2>已驳回的问题</h2>',
           "<p>审核人在 <code>dismissed.csv</code> 中按指纹驳回的问题：不计入上面的统计和退出状态，仍在 findings.csv 中标明。</p>"]
    if not c.dismissed_rows:
        out.append("<p>没有已驳回的问题。</p>")
    else:
        out.append(html_table("已驳回的问题", ("文件", "机关", "规则", "位置", "说明", "驳回理由", "审核人", "日期", "指纹"),
                              ((name, agency, f["rule"], f["where"], f["message_en"] if c.english else f["message"],
                                d.reason, d.reviewer, d.date, Markup(f"<code>{escape(d.fingerprint)}</code>"))
                               for name, agency, f, d in c.dismissed_rows)))
    out.append("</section>\n")
    return "".join(out)


def _unreadable(c: Collector) -> str:
    out = ['<section id="unreadable"><h2>无法读取的文件</h2>']
    if not c.unreadable:
        out.append("<p>所有文件都已读出。</p>")
    else:
        out.append(html_table(f"无法读取的文件（{len(c.unreadable)} 个）", ("文件", "原因"), c.unreadable))
    out.append("</section>\n")
    return "".join(out)
