"""Fictional applicants: names, identity numbers with valid check characters, phones.

Identity numbers use the area code 99xxxx, which belongs to no province (GB/T 2260), so a
demo number can never be a real person's; organisations get unified social credit codes in
the same fictional area."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文博宇浩然欣怡子涵梓轩雨桐晨阳志远海燕春梅"

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "commercial": ("青山县恒通物流有限公司", "青山县顺发建材经营部", "青山市华锦房地产开发有限公司",
                   "青山县绿野农业科技有限公司", "青山县众鑫商贸有限公司"),
    "research": ("青山师范学院公共管理研究所", "青山市社会科学院法学研究室", "青山大学环境科学系课题组"),
    "welfare": ("青山市绿源环境保护促进会", "青山县助学公益服务中心", "青山市消费者权益研究会"),
    "legal": ("青山市明理律师事务所", "青山市正衡律师事务所", "青山县城关法律服务所"),
    "other": ("青山县城关镇河西村村民委员会", "锦绣花园小区业主委员会", "青山县个体劳动者协会"),
}
STREETS = ("人民路", "建设路", "文昌路", "青河路", "解放路", "东兴路", "迎宾大道", "溪南街")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Applicant:
    kind: str  # applicant type key: natural, commercial, research, welfare, legal, other
    name: str
    id_type: str
    id_number: str
    contact_person: str
    phone: str
    email: str
    address: str


def resident_id_check(first17: str) -> str:
    """GB 11643 check character (ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def resident_id(rng: random.Random) -> str:
    area = f"99{rng.randint(1, 99):02d}{rng.randint(1, 30):02d}"
    born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
    first17 = f"{area}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + resident_id_check(first17)


def credit_code(rng: random.Random) -> str:
    """A unified social credit code (GB 32100) with valid check characters."""
    body = "".join(str(rng.randint(0, 9)) for _ in range(8))
    org_check = 11 - sum(int(d) * w for d, w in zip(body, _ORG_WEIGHTS, strict=True)) % 11
    org = body + {10: "X", 11: "0"}.get(org_check, str(org_check))
    first17 = f"91{990000 + rng.randint(100, 999)}{org}"
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return first17 + _USCC_CHARS[(31 - total % 31) % 31]


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def mobile(rng: random.Random) -> str:
    return f"138{rng.randint(0, 99_999_999):08d}"


def applicant(rng: random.Random, kind: str) -> Applicant:
    address = f"青山县城关镇{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    email = f"applicant{rng.randint(1000, 9999)}@example.com" if rng.random() < 0.5 else ""
    if kind == "natural":
        return Applicant(kind, person_name(rng), "resident_id", resident_id(rng), "", mobile(rng),
                         email, address)
    name = rng.choice(ORGANISATIONS[kind])
    # Seeded by the name: one organisation keeps one code across its applications.
    return Applicant(kind, name, "credit_code", credit_code(random.Random(name)), person_name(rng),
                     mobile(rng), email, address)
