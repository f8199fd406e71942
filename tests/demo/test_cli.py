"""`gongkai demo`, `gongkai serve` and `gongkai manage` as a user meets them: one clear line on
a problem, never a traceback; the platform answers with its pages and static files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def platform_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A separate platform: its own SQLite database in ``data_dir`` (never the test database)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(GONGKAI_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), **extra)
    return env


def gongkai(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gongkai.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=timeout)


def test_serve_on_a_taken_port_says_so_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"端口 {port} 已被占用" in lines[0]


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["demo"]])
def test_an_unreachable_database_is_one_line(tmp_path: Path, command: list[str]) -> None:
    if command[0] == "serve":
        command[-1] = str(free_port())
    env = platform_env(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    result = gongkai(*command, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("无法连接或更新数据库")


def test_manage_passes_through_to_django(tmp_path: Path) -> None:
    result = gongkai("manage", "enter_holidays", str(tmp_path / "missing.json"), env=platform_env(tmp_path))
    assert result.returncode == 1
    assert "CommandError" in result.stderr and "Traceback" not in result.stderr


def test_serve_answers_pages_and_static_files(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gongkai.cli", "serve", "--port", str(port), "--workers", "1"],
        env=platform_env(tmp_path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                home = urllib.request.urlopen(f"{base}/", timeout=5)
                break
            except OSError:
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "the server did not answer within 90 s"
                time.sleep(0.5)
        assert home.status == 200 and "text/html" in home.headers["Content-Type"]
        assert urllib.request.urlopen(f"{base}/accounts/login/", timeout=5).status == 200
        request = urllib.request.Request(f"{base}/static/portal/gongkai.css", headers={"Accept-Encoding": "gzip"})
        css = urllib.request.urlopen(request, timeout=5)
        assert css.status == 200 and "text/css" in css.headers["Content-Type"]
        assert css.headers["Content-Encoding"] == "gzip"  # WhiteNoise's compressed copy
        assert (tmp_path / "static" / "portal" / "gongkai.css").exists()  # collectstatic ran
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert "平台已启动" in out and "Traceback" not in err
