"""The fictional 青山县: its government, departments and townships, and their staff.

Every name, address, code and telephone number here is made up. Area code 0123 and the
``.example`` mail domain are reserved or unassigned, so nothing reaches a real office."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password

from gongkai.agencies.models import Agency, User

# One password for every demo account, printed by `gongkai demo`; it satisfies the platform's
# validators (10 characters, letters and digits).
DEMO_PASSWORD = "Qingshan2025"
COUNTY_CODE = "QSX-000"  # the county government's code marks a database that holds the demo
SUPERUSER = "admin"

CITY_GOVERNMENT = "青山市人民政府"
COUNTY_GOVERNMENT = "青山县人民政府"
COUNTY_COURT = "青山县人民法院"
# 行政诉讼法第十五条：a suit against a county government goes to the intermediate court.
CITY_INTERMEDIATE_COURT = "青山市中级人民法院"
OFFICE_HOURS = "工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）"


@dataclass(frozen=True)
class AgencySpec:
    key: str  # user names start with it: edu_officer, edu_approver
    name: str
    short_name: str
    code: str
    kind: str
    office: str
    address: str
    phone: str
    mail: str  # local part; the domain is qingshan.example
    weight: int  # relative number of applications it receives
    staff: tuple[str, str]  # the officer's and the approver's (fictional) names


A = Agency.Kind
AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("gov", "青山县人民政府", "县政府", COUNTY_CODE, A.GOVERNMENT, "青山县人民政府办公室",
               "青山县城关镇人民路1号", "0123-6610001", "gov", 10, ("周晓梅", "陈国华")),
    AgencySpec("edu", "青山县教育局", "县教育局", "QSX-101", A.DEPARTMENT, "青山县教育局办公室",
               "青山县城关镇文昌路18号", "0123-6612101", "jyj", 14, ("林静怡", "黄志强")),
    AgencySpec("nr", "青山县自然资源局", "县自然资源局", "QSX-102", A.DEPARTMENT, "青山县自然资源局办公室",
               "青山县城关镇建设路56号", "0123-6612102", "zrzyj", 16, ("郑文博", "吴建平")),
    AgencySpec("hc", "青山县住房和城乡建设局", "县住建局", "QSX-103", A.DEPARTMENT,
               "青山县住房和城乡建设局办公室", "青山县城关镇建设路60号", "0123-6612103", "zjj", 14,
               ("孙丽娟", "马永刚")),
    AgencySpec("env", "青山县生态环境局", "县生态环境局", "QSX-104", A.DEPARTMENT, "青山县生态环境局办公室",
               "青山县城关镇青河路9号", "0123-6612104", "sthjj", 9, ("何雨欣", "罗振东")),
    AgencySpec("hrss", "青山县人力资源和社会保障局", "县人社局", "QSX-105", A.DEPARTMENT,
               "青山县人力资源和社会保障局办公室", "青山县城关镇人民路33号", "0123-6612105", "rsj", 8,
               ("高雅琴", "梁建军")),
    AgencySpec("amr", "青山县市场监督管理局", "县市场监管局", "QSX-106", A.DEPARTMENT,
               "青山县市场监督管理局办公室", "青山县城关镇商贸街12号", "0123-6612106", "scjgj", 7,
               ("宋佳琪", "谢海峰")),
    AgencySpec("ps", "青山县公安局", "县公安局", "QSX-107", A.DEPARTMENT, "青山县公安局法制大队",
               "青山县城关镇迎宾大道88号", "0123-6612107", "gaj", 6, ("韩晓东", "唐正义")),
    AgencySpec("hh", "青山县卫生健康委员会", "县卫健委", "QSX-108", A.DEPARTMENT, "青山县卫生健康委员会办公室",
               "青山县城关镇健康路5号", "0123-6612108", "wjw", 6, ("冯晓燕", "曹立新")),
    AgencySpec("cg", "青山县城关镇人民政府", "城关镇", "QSX-201", A.TOWNSHIP, "城关镇党政综合办公室",
               "青山县城关镇解放路20号", "0123-6613201", "cgz", 5, ("邓春花", "彭永福")),
    AgencySpec("qx", "青山县青溪镇人民政府", "青溪镇", "QSX-202", A.TOWNSHIP, "青溪镇党政综合办公室",
               "青山县青溪镇溪南街1号", "0123-6613202", "qxz", 3, ("许丹丹", "袁德胜")),
    AgencySpec("dc", "青山县东城街道办事处", "东城街道", "QSX-203", A.TOWNSHIP, "东城街道党政综合办公室",
               "青山县东城街道东兴路100号", "0123-6613203", "dcjd", 4, ("蒋婷婷", "夏明辉")),
)

COUNTY_STAFF = {"gov_admin": "杜建新", "supervisor": "秦海燕"}


@dataclass
class County:
    """The built county: agencies and users by key (``edu``, ``edu_officer`` …)."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    sign_ins: list[tuple[str, str, str]] = field(default_factory=list)  # user, agency, role key

    def officer(self, key: str) -> User:
        return self.users[f"{key}_officer"]

    def approver(self, key: str) -> User:
        return self.users[f"{key}_approver"]


def build_county() -> County:
    county = County()
    for spec in AGENCIES:
        county.agencies[spec.key] = _agency(spec, county.agencies.get("gov"))
    password = _demo_password_hash()
    for spec in AGENCIES:
        agency = county.agencies[spec.key]
        for role, person in zip((User.Role.OFFICER, User.Role.APPROVER), spec.staff, strict=True):
            _add_user(county, f"{spec.key}_{role}", person, agency, role, password)
    gov = county.agencies["gov"]
    admin = _add_user(county, "gov_admin", COUNTY_STAFF["gov_admin"], gov, User.Role.ADMIN, password)
    _grant_administration(admin)
    _add_user(county, "supervisor", COUNTY_STAFF["supervisor"], gov, User.Role.SUPERVISOR, password)
    return county


def _agency(spec: AgencySpec, parent: Agency | None) -> Agency:
    # Remedies named in every answer letter (条例第五十一条). Since the 2023 revision of the
    # Administrative Reconsideration Law a county department's or township's act is reviewed by
    # the county government; the county government's own by the city government.
    top = parent is None
    return Agency.objects.create(
        name=spec.name, short_name=spec.short_name, code=spec.code, kind=spec.kind, parent=parent,
        office_name=spec.office, address=spec.address, phone=spec.phone,
        email=f"gongkai@{spec.mail}.qingshan.example", office_hours=OFFICE_HOURS,
        reconsideration_body=CITY_GOVERNMENT if top else COUNTY_GOVERNMENT,
        court=CITY_INTERMEDIATE_COURT if top else COUNTY_COURT,
    )


@cache
def _demo_password_hash() -> str:
    validate_password(DEMO_PASSWORD)
    # Hashed once for every account: the slow hasher would otherwise take seconds per user.
    return make_password(DEMO_PASSWORD)


def _add_user(county: County, username: str, person: str, agency: Agency, role: str,
              password: str) -> User:
    user = User(username=username, display_name=person, agency=agency, role=role,
                password=password, is_staff=role == User.Role.ADMIN,
                email=f"{username}@qingshan.example")
    user.save()
    county.users[username] = user
    county.sign_ins.append((username, agency.name, role))
    return user


def _grant_administration(user: User) -> None:
    """The county administrator keeps the holiday schedules, accounts and remedies in the admin."""
    wanted = [("holidays", "holidayyear"), ("agencies", "user"), ("agencies", "agency"),
              ("litigation", "remedy")]
    for app_label, model in wanted:
        user.user_permissions.add(*Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model))


def ensure_superuser() -> tuple[str, bool]:
    """The platform superuser ``admin``; an existing account keeps its password."""
    if User.objects.filter(username=SUPERUSER).exists():
        return SUPERUSER, False
    User.objects.create(username=SUPERUSER, display_name="系统管理员", is_staff=True,
                        is_superuser=True, password=_demo_password_hash())
    return SUPERUSER, True
