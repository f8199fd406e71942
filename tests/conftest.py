from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "seed" / "000_48de57da75f02281.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("shared corpus not present")
    return SEED


# -- platform fixtures (Django) --------------------------------------------------------------


@pytest.fixture(autouse=True)
def _platform_isolation(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each platform test gets its own attachment folder and an empty cache (rate limits)."""
    if "django_db_setup" not in request.fixturenames and "db" not in request.fixturenames \
            and "client" not in request.fixturenames:
        return
    from django.conf import settings
    from django.core.cache import cache

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("private"))
    cache.clear()


@pytest.fixture
def county(db):  # type: ignore[no-untyped-def]
    """A county government with two departments and a township, and one user per role."""
    from gongkai.agencies.models import Agency, User

    gov = Agency.objects.create(name="示范县人民政府", code="G001", kind=Agency.Kind.GOVERNMENT,
                                reconsideration_body="示范市人民政府", court="示范县人民法院")
    edu = Agency.objects.create(name="示范县教育局", code="D001", parent=gov)
    env = Agency.objects.create(name="示范县生态环境局", code="D002", parent=gov)
    town = Agency.objects.create(name="示范县城关镇人民政府", code="T001", parent=gov,
                                 kind=Agency.Kind.TOWNSHIP)

    def user(name: str, agency: Agency, role: str) -> User:
        return User.objects.create_user(name, password="Gongkai2025!", agency=agency, role=role,
                                        display_name=name)

    class County:
        pass

    c = County()
    c.gov, c.edu, c.env, c.town = gov, edu, env, town
    c.edu_officer = user("edu_officer", edu, User.Role.OFFICER)
    c.edu_approver = user("edu_approver", edu, User.Role.APPROVER)
    c.env_officer = user("env_officer", env, User.Role.OFFICER)
    c.supervisor = user("supervisor", gov, User.Role.SUPERVISOR)
    c.gov_admin = user("gov_admin", gov, User.Role.ADMIN)
    return c


def _postgres_unreachable() -> str | None:
    """With DATABASE_URL on PostgreSQL: why it can't be reached, or None."""
    import os

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        return str(exc).strip().splitlines()[0]
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A PostgreSQL test may be skipped only outside CI; in CI an unreachable server fails the run.
    import os

    reason = _postgres_unreachable()
    if reason is None:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"PostgreSQL from DATABASE_URL is unreachable in CI: {reason}")
    skip = pytest.mark.skip(reason=f"PostgreSQL unreachable: {reason}")
    for item in items:
        if item.get_closest_marker("django_db") or {"db", "county", "client"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)
