"""A report as its full JSON (``docs/report.schema.json``): every number with its source.

``gongkai.report.read_bytes`` reads it back as it is, anomalies included.
"""

from __future__ import annotations

from ..model import Report
from ..serialize import dumps


def write_json(report: Report) -> str:
    return dumps(report) + "\n"
