"""The rule catalogue. Importing this package registers every rule in ``RULES``."""

from __future__ import annotations

from . import (  # noqa: F401  (imported to register)
    carryover_mismatch,
    cell_ambiguous,
    cell_blank,
    cell_count,
    cell_recovered,
    fee_statement_missing,
    heading_numbering,
    number_invalid,
    ordinal_sequence,
    section_empty,
    section_missing,
    section_order,
    t2_valid_count,
    t3_balance,
    t3_row_total,
    t3_subtotal,
    t4_total,
    table_missing,
    text_table_mismatch,
    year_mismatch,
)
from .registry import RULES, Context, Rule

__all__ = ["RULES", "Context", "Rule"]
