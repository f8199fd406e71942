"""The platform's own settings, plus one URL for the benchmark's reference page.

``GONGKAI_BENCH_BARE=1`` also empties MIDDLEWARE: the "bare Django" reference of issue 4."""

import os

from gongkai.project.settings import *  # noqa: F403

ROOT_URLCONF = "platform_urls"
if os.environ.get("GONGKAI_BENCH_BARE"):
    MIDDLEWARE: list[str] = []
