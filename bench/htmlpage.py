"""Realistic government-site HTML pages (100–300 KB) around an annual report.

The report is the seed's prose with a fresh set of consistent tables, laid out as the
national format is published from Word: <table> markup with rowspan/colspan, every value in
``<td><p><span style=…>`` as a CMS pastes it. Around it: a header with a long navigation
bar, a breadcrumb, a sidebar of column links, share buttons, related-article lists, a
footer with site-map links, inline <style> and <script> blocks — the chrome of a county
or city government site. All deterministic (seeded random).
"""

from __future__ import annotations

import random
from html import escape

from variants import Tables, fmt

_TD_STYLE = (
    'width="{w}" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt;'
    'mso-border-alt:solid windowtext .5pt"'
)
_SPAN = (
    '<span style="font-family:仿宋_GB2312;font-size:10.5pt;mso-hansi-font-family:宋体">{}</span>'
)

_T3_LEAVES = (
    (
        "（三）不予公开",
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    (
        "（四）无法提供",
        ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
    ),
    (
        "（五）不予处理",
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
    (
        "（六）其他处理",
        (
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        ),
    ),
)


def _td(text: str, colspan: int = 1, rowspan: int = 1, width: int = 60) -> str:
    attrs = _TD_STYLE.format(w=width)
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    return f'<td {attrs}><p align="center" style="text-align:center">{_SPAN.format(escape(text))}</p></td>'


def _table(rows: list[str]) -> str:
    body = "".join(f'<tr style="height:20.0pt">{r}</tr>' for r in rows)
    return (
        '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" '
        f'style="border-collapse:collapse;border:none"><tbody>{body}</tbody></table>'
    )


def table2_html(t: Tables) -> str:
    docs = ("本年制发件数", "本年废止件数", "现行有效件数")
    rows = [_td("第二十条第（一）项", 4), _td("信息内容") + "".join(_td(c) for c in docs)]
    rows += [
        _td(label) + "".join(_td(fmt(v)) for v in t.t2[i])
        for i, label in enumerate(("规章", "行政规范性文件"))
    ]
    for block, labels, head, first in (
        ("第二十条第（五）项", ("行政许可",), "本年处理决定数量", 2),
        ("第二十条第（六）项", ("行政处罚", "行政强制"), "本年处理决定数量", 3),
        ("第二十条第（八）项", ("行政事业性收费",), "本年收费金额（单位：万元）", 5),
    ):
        rows += [_td(block, 4), _td("信息内容") + _td(head, 3)]
        rows += [_td(label) + _td(fmt(t.t2[first + j][0]), 3) for j, label in enumerate(labels)]
    return _table(rows)


def table3_html(t: Tables) -> str:
    def nums(i: int) -> str:
        return "".join(_td(str(v), width=45) for v in t.t3[i])

    rows = [
        _td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3)
        + _td("申请人情况", 7),
        _td("自然人", rowspan=2) + _td("法人或其他组织", 5) + _td("总计", rowspan=2),
        "".join(_td(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
        _td("一、本年新收政府信息公开申请数量", 3) + nums(0),
        _td("二、上年结转政府信息公开申请数量", 3) + nums(1),
        _td("三、本年度办理结果", rowspan=22) + _td("（一）予以公开", 2) + nums(2),
        _td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2) + nums(3),
    ]
    i = 4
    for group, leaves in _T3_LEAVES:
        for j, leaf in enumerate(leaves):
            head = _td(group, rowspan=len(leaves)) if j == 0 else ""
            rows.append(head + _td(leaf) + nums(i))
            i += 1
    rows.append(_td("（七）总计", 2) + nums(23))
    rows.append(_td("四、结转下年度继续办理", 3) + nums(24))
    return _table(rows)


def table4_html(t: Tables) -> str:
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结")
    rows = [
        _td("行政复议", 5) + _td("行政诉讼", 10),
        "".join(_td(r, rowspan=2) for r in results)
        + _td("总计", rowspan=2)
        + _td("未经复议直接起诉", 5)
        + _td("复议后起诉", 5),
        "".join(_td(r) for r in (*results, "总计") * 2),
        "".join(_td(str(v), width=40) for v in t.t4),
    ]
    return _table(rows)


def article_html(text: str, tables: Tables) -> str:
    """The seed's prose as paragraphs; its three tables replaced by real table markup."""
    out: list[str] = []
    skipping = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("二、主动公开", "三、收到和处理", "四、政府信息公开行政复议")):
            out.append(f'<p style="text-indent:2em"><strong>{escape(line)}</strong></p>')
            out.append({"二": table2_html, "三": table3_html, "四": table4_html}[line[0]](tables))
            skipping = True
            continue
        if line.startswith(("五、", "六、")):
            skipping = False
        if skipping:
            continue
        if line.endswith("年度报告") and len(line) < 60:
            out.append(f'<h1 class="article-title">{escape(line)}</h1>')
        elif len(line) < 20 and line[:2] in ("一、", "五、", "六、"):
            out.append(f'<p style="text-indent:2em"><strong>{escape(line)}</strong></p>')
        else:
            out.append(f'<p style="text-indent:2em;line-height:2">{_SPAN.format(escape(line))}</p>')
    return "\n".join(out)


# -- site chrome ---------------------------------------------------------------------------

_COLUMNS = [
    "首页",
    "政务公开",
    "政府信息公开",
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政府信息公开年报",
    "政务服务",
    "互动交流",
    "走进本县",
    "领导之窗",
    "机构设置",
    "政策文件",
    "政策解读",
    "新闻发布会",
    "重点领域信息公开",
    "财政预决算",
    "重大建设项目",
    "公共资源配置",
    "社会公益事业",
    "乡村振兴",
    "生态环境",
    "安全生产",
    "教育",
    "医疗卫生",
    "人事信息",
    "统计信息",
    "应急管理",
    "规划计划",
    "建议提案办理",
    "县长信箱",
    "在线访谈",
    "征集调查",
    "办事指南",
]
_WORDS = [
    "关于",
    "印发",
    "做好",
    "加强",
    "进一步",
    "推进",
    "实施",
    "开展",
    "全县",
    "全市",
    "年度",
    "工作",
    "方案",
    "通知",
    "意见",
    "办法",
    "细则",
    "政府信息",
    "公开",
    "申请",
    "乡村",
    "振兴",
    "安全",
    "生产",
    "专项",
    "整治",
    "行动",
    "营商",
    "环境",
    "优化",
    "高质量",
    "发展",
    "民生",
    "实事",
    "项目",
    "建设",
    "招标",
    "公告",
    "结果",
    "公示",
    "会议",
    "召开",
    "部署",
    "调研",
    "督导",
    "检查",
    "考核",
    "评估",
    "报告",
    "规划",
]


def _title(rng: random.Random, place: str) -> str:
    return place + "".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9)))


def _links(rng: random.Random, place: str, n: int, dated: bool) -> str:
    items = []
    for _ in range(n):
        t = _title(rng, place)
        href = f"/xxgk/{rng.randint(1000, 9999)}/t{rng.randint(20200101, 20251231)}_{rng.randint(10**6, 10**7)}.html"
        date = f'<span class="date">{rng.randint(2020, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</span>'
        items.append(
            f'<li><a href="{href}" title="{t}" target="_blank">{t}</a>{date if dated else ""}</li>'
        )
    return "".join(items)


def _css(rng: random.Random, kb: int) -> str:
    rules = []
    size = 0
    while size < kb * 1024:
        sel = f".{rng.choice(('nav', 'list', 'item', 'box', 'col', 'con', 'tab', 'btn'))}-{rng.randint(1, 999)}"
        rule = (
            f"{sel}{{margin:{rng.randint(0, 20)}px auto;padding:{rng.randint(0, 12)}px;"
            f"color:#{rng.randint(0, 0xFFFFFF):06x};font-size:{rng.randint(12, 18)}px;line-height:1.{rng.randint(2, 9)}}}"
        )
        rules.append(rule)
        size += len(rule)
    return "\n".join(rules)


def _js(rng: random.Random, kb: int) -> str:
    parts = []
    size = 0
    while size < kb * 1024:
        name = f"fn{rng.randint(0, 99999)}"
        part = (
            f"function {name}(a,b){{var c=document.getElementById('c{rng.randint(0, 999)}');"
            f"if(c&&a<b){{c.innerHTML='<li><a href=\"#\">'+a+'</a></li>';}}"
            f"return a*{rng.randint(1, 99)}+b;}}"
        )
        parts.append(part)
        size += len(part)
    return "\n".join(parts)


def page(
    rng: random.Random, place: str, agency: str, year: int, article: str, target_kb: int
) -> str:
    """A full page of roughly ``target_kb`` KB around ``article``."""
    nav = "".join(
        f'<li class="nav-item"><a href="/col/col{i}/index.html">{c}</a></li>'
        for i, c in enumerate(_COLUMNS)
    )
    fixed = len(article.encode()) // 1024 + 12
    budget = max(target_kb - fixed, 20)  # KB to spend on chrome
    css_kb, js_kb = budget * 15 // 100, budget * 25 // 100
    per_link = 190  # bytes per list item, roughly
    links = max((budget - css_kb - js_kb) * 1024 // per_link, 60)
    side, related, footer_links = links * 45 // 100, links * 35 // 100, links * 20 // 100
    title = f"{agency}{year}年政府信息公开工作年度报告"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="SiteName" content="{place}人民政府"><meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{year + 1}-01-{rng.randint(10, 31)}">
<title>{title}_{place}人民政府</title>
<style type="text/css">{_css(rng, css_kb)}</style>
<script type="text/javascript">{_js(rng, js_kb // 2)}</script>
</head>
<body>
<div class="topbar"><div class="w1200"><span>欢迎访问{place}人民政府门户网站</span>
<a href="/">无障碍浏览</a><a href="/">长者模式</a><a href="/">English</a><a href="/">登录</a><a href="/">注册</a></div></div>
<div class="header"><div class="w1200"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{place}人民政府"></a></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div></div></div>
<div class="nav"><ul class="w1200">{nav}</ul></div>
<div class="w1200 main clearfix">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/nb/">政府信息公开年报</a></div>
<div class="sidebar"><h3>政府信息公开</h3><ul class="side-menu">{_links(rng, place, side // 2, False)}</ul>
<h3>热点信息</h3><ul class="side-list">{_links(rng, place, side - side // 2, True)}</ul></div>
<div class="xxgk-meta"><table class="xxgk-index"><tr><td>索引号：</td><td>{rng.randint(10**9, 10**10)}/{year + 1}-{rng.randint(1000, 9999)}</td>
<td>主题分类：</td><td>政务公开</td></tr><tr><td>发布机构：</td><td>{agency}</td><td>成文日期：</td><td>{year + 1}-01-{rng.randint(10, 28)}</td></tr></table></div>
<div class="article">
<div class="article-info">发布时间：{year + 1}-01-{rng.randint(10, 28)} 来源：{agency} 浏览次数：{rng.randint(50, 5000)} 字号：<a>大</a> <a>中</a> <a>小</a> <a>打印</a></div>
<div class="article-content TRS_Editor">
{article}
</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>{_links(rng, place, related, True)}</ul></div>
</div>
<div class="footer"><div class="w1200"><div class="footer-links">{_links(rng, place, footer_links, False)}</div>
<p>主办：{place}人民政府办公室 承办：{place}大数据中心 网站标识码：{rng.randint(10**9, 10**10)} 备案号：豫ICP备{rng.randint(10**7, 10**8)}号</p></div></div>
<script type="text/javascript">{_js(rng, js_kb - js_kb // 2)}</script>
</body>
</html>
"""
