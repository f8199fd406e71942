"""The letters' texts as shipped: created as LetterTemplate rows by a data migration, and used
when an office has deleted its row. Django template text; one line is one paragraph. The
variables are listed in ``context.build``; the recipient, signature, date and contact note are
set by the platform. ``[OPENING]`` and ``[REMEDIES]`` stand for the shared paragraphs below."""

from __future__ import annotations

from .kinds import Kind

OPENING = ("本机关于{{ case.received_on }}收到您提出的政府信息公开申请（登记号：{{ case.number }}），"
           "申请获取“{{ case.description }}”。")

# 条例第五十一条; time limits: 《行政复议法》第二十条 (60 days), 《行政诉讼法》第四十六条 (6 months).
REMEDIES = ("如对本答复不服，根据{{ reg }}第五十一条的规定，您可以自收到本答复之日起六十日内依照"
            "{{ reconsideration_law }}向{{ agency.reconsideration_body }}申请行政复议，或者自收到本答复之日起"
            "六个月内依照{{ litigation_law }}向{{ agency.court }}提起行政诉讼。")

ANSWER_TITLE = "{{ agency.name }}政府信息公开申请答复书"

_RECEIPT = """\
本机关已收到您提交的政府信息公开申请，现予登记，登记号为{{ case.number }}。您申请获取的政府信息为“{{ case.description }}”。
{{ receipt_rule }}。据此，本机关收到您申请之日为{{ case.received_on }}。
根据{{ reg }}第三十三条第二款的规定，本机关将自收到申请之日起20个工作日内，即在{{ case.due_on }}{% if case.due_provisional %}（暂定）{% endif %}前作出答复。需要延长答复期限的，本机关将书面告知您，延长的期限最长不超过20个工作日；征求第三方和其他机关意见所需时间不计算在答复期限内。
{% if case.due_provisional %}答复期限所跨年度的法定节假日安排尚未公布，上述日期暂按现行规定推算，安排公布后本机关将重新计算。{% endif %}
您可以凭查询码{{ case.query_code }}和申请时填写的联系电话，在本机关政府信息公开申请平台查询办理进度。请妥善保管查询码。
"""

_CORRECTION = """\
[OPENING]
经审查，您的申请内容不明确，本机关无法据此确定您所需要的政府信息。根据{{ reg }}第三十条的规定，现一次性告知您需要补正的事项如下：
{{ note }}
请您于{{ correct_by }}前按照上述要求补正，并通过原申请渠道或者直接向本机关提交。答复期限自本机关收到补正后的申请之日起计算。
您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
"""

_EXTENSION = """\
[OPENING]
因{{ reason }}，本机关不能在规定期限内作出答复。根据{{ reg }}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{ extension_days }}个工作日，本机关将在{{ new_due }}{% if case.due_provisional %}（暂定）{% endif %}前作出答复。
特此告知。
"""

_CONSULTATION = """\
本机关于{{ case.received_on }}收到一份政府信息公开申请，申请获取“{{ case.description }}”。经审查，本机关认为该政府信息的公开可能损害你方的合法权益。根据{{ reg }}第三十二条的规定，现书面征求你方意见。
{% if note %}{{ note }}{% endif %}
请你方自收到本意见书之日起15个工作日内，即在{{ reply_due }}前，以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。
你方逾期未提出意见的，由本机关依照{{ reg }}的规定决定是否公开。你方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。
特此函询。
"""

_FEE = """\
[OPENING]
经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据{{ reg }}第四十二条和{{ fee_measure }}的规定，本机关决定向您收取信息处理费。现将有关事项通知如下：
一、收费依据
{{ reg }}第四十二条；{{ fee_measure }}。
二、收费标准
计收方式：{{ fee.method }}。{{ fee.standard }}。
三、收费数额
人民币{{ fee.amount }}元。
四、缴纳方式和期限
{% if note %}{{ note }}{% else %}请按本机关告知的非税收入缴款方式缴纳。{% endif %}请您自收到本通知书次日起20个工作日内，即在{{ fee.pay_by }}前缴纳。
五、逾期未缴纳的后果
您逾期未缴纳信息处理费的，视为放弃申请，本机关不再处理该政府信息公开申请。
"""

_DISCLOSED = """\
[OPENING]现答复如下：
{{ outcome.finding }}。根据{{ outcome.basis }}的规定，{{ outcome.decision }}。
{% if reasons %}{{ reasons }}{% else %}本机关将按照您申请时选择的{{ case.delivery }}方式向您提供该政府信息。{% endif %}
[REMEDIES]
"""

_PARTIAL = """\
[OPENING]现答复如下：
{{ outcome.finding }}。根据{{ outcome.basis }}的规定，{{ outcome.decision }}。
不予公开部分的理由：{{ reasons }}
可以公开的部分，本机关将按照您申请时选择的{{ case.delivery }}方式向您提供。
[REMEDIES]
"""

# 不予公开, 无法提供, 不予处理: what was found, the reasons, the article and what follows.
_FINDING_THEN_BASIS = """\
[OPENING]现答复如下：
{{ outcome.finding }}。{% if reasons %}{{ reasons }}{% endif %}
根据{{ outcome.basis }}的规定，{{ outcome.decision }}。
[REMEDIES]
"""

# （六）1 not corrected in time, （六）2 fee not paid in time, （六）3 other.
_OTHER = """\
[OPENING]
{% if outcome.row == "R21" %}本机关于{{ correction.on }}向您发出补正告知书，告知您于{{ correction.correct_by }}前补正。补正期限届满，{{ outcome.finding }}。{% elif outcome.row == "R22" %}本机关于{{ fee.on }}向您发出收费通知书，告知您于{{ fee.pay_by }}前缴纳信息处理费{{ fee.amount }}元。缴费期限届满，{{ outcome.finding }}。{% else %}现答复如下：{{ reasons }}{% endif %}
根据{{ outcome.basis }}的规定，{{ outcome.decision }}。
[REMEDIES]
"""


def _text(body: str) -> str:
    return body.replace("[OPENING]", OPENING).replace("[REMEDIES]", REMEDIES)


DEFAULTS: dict[str, tuple[str, str]] = {
    Kind.RECEIPT: ("{{ agency.name }}政府信息公开申请登记回执", _text(_RECEIPT)),
    Kind.CORRECTION: ("{{ agency.name }}政府信息公开申请补正告知书", _text(_CORRECTION)),
    Kind.EXTENSION: ("{{ agency.name }}政府信息公开申请延期答复告知书", _text(_EXTENSION)),
    Kind.CONSULTATION: ("{{ agency.name }}政府信息公开征求第三方意见书", _text(_CONSULTATION)),
    Kind.FEE: ("{{ agency.name }}政府信息公开信息处理费收费通知书", _text(_FEE)),
    Kind.ANSWER_DISCLOSED: (ANSWER_TITLE, _text(_DISCLOSED)),
    Kind.ANSWER_PARTIAL: (ANSWER_TITLE, _text(_PARTIAL)),
    Kind.ANSWER_WITHHELD: (ANSWER_TITLE, _text(_FINDING_THEN_BASIS)),
    Kind.ANSWER_UNAVAILABLE: (ANSWER_TITLE, _text(_FINDING_THEN_BASIS)),
    Kind.ANSWER_NOT_PROCESSED: (ANSWER_TITLE, _text(_FINDING_THEN_BASIS)),
    Kind.ANSWER_OTHER: (ANSWER_TITLE, _text(_OTHER)),
}
