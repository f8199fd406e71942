"""Sign-in with user name and password: Django's ModelBackend, with a cheaper ``get_user``.

Every signed-in request loads its user (``django.contrib.auth.get_user``). Django builds and
compiles that SELECT afresh each time; here it is compiled once per database connection
(``Prepared``) and the row becomes a ``User`` exactly as the ORM would make it. Everything else
(passwords, permissions, ``is_active``) is Django's ModelBackend unchanged.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db import DEFAULT_DB_ALIAS

from gongkai.project.prepared import Prepared

from .models import User

USER_COLUMNS = tuple(f.attname for f in User._meta.concrete_fields)
_USER = Prepared(lambda pk: User._default_manager.filter(pk=pk).values(*USER_COLUMNS), 1)


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = User._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - a tampered session key: nobody, as Django answers
            return None
        rows = _USER.rows(pk)
        if not rows:
            return None
        row = rows[0]
        user = User.from_db(DEFAULT_DB_ALIAS, list(USER_COLUMNS), [row[c] for c in USER_COLUMNS])
        return user if self.user_can_authenticate(user) else None
