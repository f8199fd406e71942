"""HTML reader: text lines, table grids with spans, site chrome, encodings."""

from __future__ import annotations

import pytest

from gongkai.report.errors import UnreadableFile
from gongkai.report.readers.blocks import Block
from gongkai.report.readers.html import read_html

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>年报 - 某某县人民政府</title>
<style>p { margin: 0 }</style><script>var nav = "菜单";</script></head>
<body>
<div id="header"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a></div>
<div class="main-nav"><ul><li><a>首页</a></li><li><a>机构概况</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开年报</div>
<div class="sideBar"><h3>相关链接</h3><ul><li>国务院</li><li>省政府</li></ul></div>
<div class="article-content">
  <h1>某某县2024年政府信息
      公开工作年度报告</h1>
  <p>&nbsp;&nbsp;&nbsp;&nbsp;一、总体情况<br>　　2024 年，本县共受理申请 21 件。</p>
  <div>二、主动公开政府信息情况</div>
  <table border="1">
    <tr><td colspan="2" rowspan="2"><p><span>信息</span></p><p><font>内容</font></p></td>
        <td colspan="3"><b>本年</b>数据</td></tr>
    <tr><td>新制发</td><td>&nbsp;</td><td>5<br>件</td></tr>
    <tr><td rowspan="2">规章</td><td>甲</td><td>1</td><td>0</td><td>11</td></tr>
    <tr><td>乙</td><td><span style="font-family:宋体">2</span></td><td>&#12288;</td><td>3</td></tr>
    <tr><td>&nbsp;</td><td></td><td> </td><td></td><td></td></tr>
  </table>
  <p>三、其他</p>
</div>
<div class="footer">版权所有：某某县人民政府 网站标识码 1234</div>
</body></html>"""


def test_page_text_tables_and_chrome() -> None:
    assert read_html(PAGE.encode("utf-8")) == [
        Block("text", ("某某县2024年政府信息公开工作年度报告",), 1, "第1段"),
        Block("text", ("一、总体情况",), 2, "第2段"),
        Block("text", ("2024 年，本县共受理申请 21 件。",), 3, "第3段"),
        Block("text", ("二、主动公开政府信息情况",), 4, "第4段"),
        Block("row", ("信息内容", "", "本年数据", "", ""), 5, "表格1 第1行"),
        Block("row", ("", "", "新制发", "", "5 件"), 6, "表格1 第2行"),
        Block("row", ("规章", "甲", "1", "0", "11"), 7, "表格1 第3行"),
        Block("row", ("", "乙", "2", "", "3"), 8, "表格1 第4行"),
        Block("text", ("三、其他",), 9, "第5段"),
    ]


def test_colspan_and_rowspan_never_repeat_values() -> None:
    html = """<table>
    <tr><th rowspan="3">三、本年度办理结果</th><th>（一）予以公开</th><td>7</td><td>7</td></tr>
    <tr><th>（二）部分公开</th><td colspan="2">0</td></tr>
    <tr><td>（三）不予公开</td><td>1</td><td rowspan="9">2</td></tr>
    </table>"""
    assert [b.cells for b in read_html(html.encode())] == [
        ("三、本年度办理结果", "（一）予以公开", "7", "7"),
        ("", "（二）部分公开", "0", ""),
        ("", "（三）不予公开", "1", "2"),
    ]


def test_junk_spans_and_ragged_rows() -> None:
    html = """<table>
    <tr><td colspan="abc">a</td><td colspan="0">b</td><td colspan="2;">c</td></tr>
    <tr><td>1</td></tr>
    </table>"""
    assert [b.cells for b in read_html(html.encode())] == [("a", "b", "c", ""), ("1", "", "", "")]


def test_cell_paragraphs_join_without_space_only_between_cjk() -> None:
    html = """<table><tr>
    <td><p>本年新收政府信息</p><p>公开申请数量</p></td>
    <td><p>5</p><p>件</p></td>
    <td><div>total</div><div>sum</div></td>
    <td>行政<br/>许可</td>
    </tr></table>"""
    assert read_html(html.encode())[0].cells == ("本年新收政府信息公开申请数量", "5 件", "total sum", "行政许可")


def test_several_tables_and_layout_table() -> None:
    html = """<html><body><table class="layout"><tr>
      <td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table></td>
    </tr><tr><td>中间段落</td></tr><tr><td>
      <table><caption>表三</caption><tr><td>行政许可</td><td>447228</td></tr></table>
    </td></tr></table></body></html>"""
    assert read_html(html.encode()) == [
        Block("text", ("标题",), 1, "第1段"),
        Block("row", ("规章", "1"), 2, "表格1 第1行"),
        Block("text", ("中间段落",), 3, "第2段"),
        Block("text", ("表三",), 4, "第3段"),
        Block("row", ("行政许可", "447228"), 5, "表格2 第1行"),
    ]


def test_chrome_named_wrapper_of_the_whole_article_is_kept() -> None:
    body = "".join(f"<p>第{i}段正文内容较长的一句话。</p>" for i in range(5))
    html = f"""<html><body><form id="form1"><div id="top-wrap">
      <div class="nav"><a>首页</a></div>{body}
      <footer>联系我们</footer></div></form></body></html>"""
    texts = [b.text for b in read_html(html.encode())]
    assert texts == [f"第{i}段正文内容较长的一句话。" for i in range(5)]


def test_article_header_is_content_and_hidden_elements_are_skipped() -> None:
    html = """<html><body><header>站点名称</header><article><header><h1>年度报告</h1></header>
      <p>正文<span style="display: none">隐藏</span>内容</p><div hidden>不显示</div>
      <p style="DISPLAY:NONE">也不显示</p></article></body></html>"""
    assert [b.text for b in read_html(html.encode())] == ["年度报告", "正文内容"]


def test_gb2312_declared_page_is_read_as_gb18030() -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    html += "<body><p>政府信息公开工作年度报告 䶮</p></body></html>"  # 䶮 is outside GB2312
    assert [b.text for b in read_html(html.encode("gb18030"))] == ["政府信息公开工作年度报告 䶮"]


def test_wrong_declared_charset_falls_back_to_sniffing() -> None:
    html = '<html><head><meta charset="gbk"></head><body><p>年度报告</p></body></html>'
    assert [b.text for b in read_html(html.encode("utf-8"))] == ["年度报告"]
    undeclared = "<html><body><p>年度报告</p></body></html>".encode("gb18030")
    assert [b.text for b in read_html(undeclared)] == ["年度报告"]


def test_malformed_html_does_not_crash() -> None:
    html = b"<html><body><div><p>\xe4\xb8\x80\xe3\x80\x81<b>open<td>stray</td></tr><table><tr><td>1<td>2</table><p>end"
    texts = [b.text for b in read_html(html)]
    assert texts[0].startswith("一、open")
    assert ("1", "2") in [b.cells for b in read_html(html)]
    assert texts[-1] == "end"


def test_empty_pages() -> None:
    assert read_html(b"<!-- nothing -->") == []
    assert read_html(b"<html><body>  \n </body></html>") == []


def test_binary_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_html(b"<html>\x00\x01\x02\x03" * 50)


def test_junk_and_hidden_spans_inside_cells_are_skipped() -> None:
    html = """<table><tr><td>项目<select><option>甲</option></select></td><td><button>打印</button>5</td></tr>
    <tr><td>申请<span style="display:none">隐藏</span>数</td><td><span style="display: none">9</span>7</td></tr></table>"""
    assert [b.cells for b in read_html(html.encode())] == [("项目", "5"), ("申请数", "7")]


def test_table_inside_junk_is_not_read() -> None:
    html = "<p>正文</p><object><table><tr><td>a</td><td>b</td></tr></table></object>"
    html += "<table><tr><td>c</td><td>d</td></tr></table>"
    assert read_html(html.encode()) == [
        Block("text", ("正文",), 1, "第1段"),
        Block("row", ("c", "d"), 2, "表格1 第1行"),
    ]


def test_noscript_before_the_body_is_skipped() -> None:
    assert [b.text for b in read_html("<noscript><p>请启用脚本</p></noscript><p>正文</p>".encode())] == ["正文"]


def test_replacement_character_in_utf8_page_is_kept() -> None:
    assert [b.text for b in read_html("<p>替换字符\ufffd保留</p>".encode())] == ["替换字符\ufffd保留"]


def test_page_with_an_element_named_like_the_table_placeholder() -> None:
    html = "<p>前</p><gongkai-table></gongkai-table><table><tr><td>1</td><td>2</td></tr></table><p>后</p>"
    assert [(b.kind, b.cells) for b in read_html(html.encode())] == [
        ("text", ("前",)),
        ("row", ("1", "2")),
        ("text", ("后",)),
    ]


def test_chrome_larger_than_the_rest_of_the_chrome_but_not_half_the_page_is_dropped() -> None:
    sidebar = "".join(f"<a>链接{i}</a>" for i in range(40))
    body = "".join(f"<p>第{i}段正文内容。</p>" for i in range(30))
    html = f"<body><div class='sidebar'>{sidebar}</div><div class='footer'>版权所有</div><div>{body}</div></body>"
    assert [b.text for b in read_html(html.encode())] == [f"第{i}段正文内容。" for i in range(30)]


def test_caption_lines_come_before_the_rows() -> None:
    html = "<p>前</p><table><caption><p>表一</p><p>说明</p></caption><tr><td>a</td><td>b</td></tr></table>"
    assert [(b.kind, b.cells) for b in read_html(html.encode())] == [
        ("text", ("前",)),
        ("text", ("表一",)),
        ("text", ("说明",)),
        ("row", ("a", "b")),
    ]


def test_same_table_shape_twice_reads_each_table_s_own_cells() -> None:
    table = '<table><tr><td rowspan="2">{}</td><td colspan="2">{}</td></tr><tr><td>{}</td><td>{}</td></tr></table>'
    for values in (("甲", "乙", "1", "2"), ("丙", "丁", "3", "4")):
        cells = [b.cells for b in read_html(table.format(*values).encode())]
        assert cells == [(values[0], values[1], ""), ("", values[2], values[3])]
