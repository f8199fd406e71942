"""The national format as data: one module per edition."""

from __future__ import annotations

from .base import Edition, SectionSpec, T2Row, T3Row
from .y2019 import EDITION as Y2019
from .y2021 import EDITION as Y2021

EDITIONS: dict[str, Edition] = {"2021": Y2021, "2019": Y2019}

__all__ = ["EDITIONS", "Edition", "SectionSpec", "T2Row", "T3Row", "Y2019", "Y2021"]
