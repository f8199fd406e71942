"""Parts shared by both editions: the six sections, table 三's columns and rows, table 四."""

from __future__ import annotations

from .base import SectionSpec, T3Row

SECTIONS = (
    SectionSpec("一", "总体情况", "Overview", ("总体情况", "总体概况", "基本情况", "概述")),
    SectionSpec("二", "主动公开政府信息情况", "Proactive disclosure", ("主动公开政府信息",)),
    SectionSpec(
        "三",
        "收到和处理政府信息公开申请情况",
        "Disclosure applications received and handled",
        ("收到和处理政府信息公开申请", "收到和处理政府信息公开", "处理政府信息公开申请情况"),
    ),
    SectionSpec(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        "Administrative reconsideration and litigation",
        ("行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议,行政诉讼", "复议、诉讼", "行政复议与行政诉讼"),
    ),
    SectionSpec(
        "五",
        "存在的主要问题及改进情况",
        "Main problems and improvements",
        ("存在的主要问题", "存在问题", "主要问题及改进", "问题及改进", "问题和改进"),
    ),
    SectionSpec(
        "六",
        "其他需要报告的事项",
        "Other matters to report",
        ("其他需要报告", "其它需要报告", "其他需报告"),
    ),
)

TABLE3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

_BLOCKS = ("行政复议", "行政诉讼-未经复议直接起诉", "行政诉讼-复议后起诉")
_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
TABLE4_COLUMNS = tuple(f"{b}-{r}" for b in _BLOCKS for r in _RESULTS)

L1_NEW = "一、本年新收政府信息公开申请数量"
L1_CARRIED_IN = "二、上年结转政府信息公开申请数量"
L1_RESULTS = "三、本年度办理结果"
L1_CARRIED_OUT = "四、结转下年度继续办理"

G3 = "（三）不予公开"
G4 = "（四）无法提供"
G5 = "（五）不予处理"
G6 = "（六）其他处理"


def _leaf(key: str, group: str, label: str, *keywords: str) -> T3Row:
    return T3Row(key, f"{group[:3]}{label}", L1_RESULTS, group, label, keywords, group[:3])


ROWS_BEFORE_OTHER = (
    T3Row("R01", L1_NEW, L1_NEW, "", "", ("本年新收",)),
    T3Row("R02", L1_CARRIED_IN, L1_CARRIED_IN, "", "", ("上年结转",)),
    T3Row("R03", "（一）予以公开", L1_RESULTS, "（一）予以公开", "", ("予以公开",)),
    T3Row(
        "R04",
        "（二）部分公开",
        L1_RESULTS,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "",
        ("部分公开", "区分处理"),
    ),
    _leaf("R05", G3, "1.属于国家秘密", "国家秘密"),
    _leaf("R06", G3, "2.其他法律行政法规禁止公开", "其他法律", "法规禁止公开"),
    _leaf("R07", G3, "3.危及“三安全一稳定”", "三安全", "一稳定"),
    _leaf("R08", G3, "4.保护第三方合法权益", "第三方合法", "保护第三方"),
    _leaf("R09", G3, "5.属于三类内部事务信息", "内部事务"),
    _leaf("R10", G3, "6.属于四类过程性信息", "过程性信息", "四类过程"),
    _leaf("R11", G3, "7.属于行政执法案卷", "执法案卷"),
    _leaf("R12", G3, "8.属于行政查询事项", "行政查询"),
    _leaf("R13", G4, "1.本机关不掌握相关政府信息", "不掌握"),
    _leaf("R14", G4, "2.没有现成信息需要另行制作", "另行制作", "没有现成"),
    _leaf("R15", G4, "3.补正后申请内容仍不明确", "仍不明确", "补正后申请"),
    _leaf("R16", G5, "1.信访举报投诉类申请", "信访举报", "举报投诉", "信访"),
    _leaf("R17", G5, "2.重复申请", "重复申请"),
    _leaf("R18", G5, "3.要求提供公开出版物", "出版物"),
    _leaf("R19", G5, "4.无正当理由大量反复申请", "大量反复"),
    _leaf("R20", G5, "5.要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新", "已获取信息"),
)

ROWS_AFTER_OTHER = (
    T3Row("R24", "（七）总计", L1_RESULTS, "（七）总计", "", ("总计",)),
    T3Row("R25", L1_CARRIED_OUT, L1_CARRIED_OUT, "", "", ("结转下年度", "结转下一年", "转下年度")),
)
