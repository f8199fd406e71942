"""The HTTP half of the platform benchmark: gunicorn with the platform's settings and full
middleware on a benchmark database, loaded by ``wrk`` on keep-alive connections with a signed-in
officer's session cookie (or, when wrk is missing, a small multiprocess Python client).

The server runs ``bench/platform_settings.py``: the platform's settings with one extra URL,
``/bench/bare/``, a trivial view of the case page's size (the reference of issue 4).
"""

from __future__ import annotations

import contextlib
import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONF = ROOT / "gongkai" / "project" / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(env: dict[str, str], workers: int, worker_class: str, threads: int = 1,
           bare: bool = False, page_bytes: int = 12000) -> Iterator[str]:
    """gunicorn on a free port; yields its base URL; stopped (SIGTERM) on exit."""
    port = free_port()
    env = dict(env, DJANGO_SETTINGS_MODULE="platform_settings", GONGKAI_BENCH_BYTES=str(page_bytes),
               GONGKAI_LOG_LEVEL="warning")
    if bare:
        env["GONGKAI_BENCH_BARE"] = "1"
    args = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(CONF), "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--worker-class", worker_class, "--threads", str(threads),
            "--pythonpath", f"{ROOT},{HERE}", "gongkai.project.wsgi:application"]
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                urllib.request.urlopen(f"{base}/bench/bare/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def check(base: str, path: str, cookie: str) -> tuple[int, int]:
    """Status and size of one GET, redirects not followed (a redirect to sign-in is a failure)."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(base + path, headers={"Cookie": cookie})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as err:
        return err.code, 0


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def load(base: str, paths: list[str], cookie: str, seconds: int, connections: int) -> dict[str, Any]:
    """Requests/s and latency over ``seconds`` on ``connections`` keep-alive connections."""
    if have_wrk():
        return _wrk(base, paths, cookie, seconds, connections)
    return _python_load(base, paths, cookie, seconds, connections)


def _wrk(base: str, paths: list[str], cookie: str, seconds: int, connections: int) -> dict[str, Any]:
    # One wrk thread: the two cores are the server's; wrk needs a fraction of one.
    script = "paths = {" + ", ".join(f'"{p}"' for p in paths) + "}\n" + (
        "counter = 0\nrequest = function()\n  counter = counter + 1\n"
        "  return wrk.format(nil, paths[(counter % #paths) + 1])\nend\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        proc = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-H",
                               f"Cookie: {cookie}", "-s", f.name, base], capture_output=True, text=True,
                              timeout=seconds + 60)
    finally:
        os.unlink(f.name)
    out = proc.stdout

    def ms(label: str) -> float:
        found = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return float("nan")
        return float(found.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]

    def size(text: str) -> float:
        found = re.match(r"([\d.]+)([KMG]?B)", text)
        return float(found.group(1)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[found.group(2)] if found else 0

    total = re.search(r"(\d+) requests in ([\d.]+)(m?s), ([\d.]+[KMG]?B) read", out)
    requests = int(total.group(1)) if total else 0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.+)", out)
    return {"tool": "wrk", "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": ms("50"), "p90_ms": ms("90"), "p99_ms": ms("99"), "requests": requests,
            "bytes_per_response": size(total.group(4)) / requests if total and requests else 0,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0, "socket_errors": errors.group(1) if errors else "",
            "connections": connections, "seconds": seconds}


def _client(args: tuple[str, list[str], str, float, int]) -> tuple[int, list[float], int]:
    host_port, paths, cookie, until, offset = args
    host, port = host_port.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    latencies, bad, i = [], 0, offset
    while time.perf_counter() < until:
        start = time.perf_counter()
        conn.request("GET", paths[i % len(paths)], headers={"Cookie": cookie})
        response = conn.getresponse()
        response.read()
        latencies.append((time.perf_counter() - start) * 1000)
        bad += response.status != 200
        i += 1
    return len(latencies), latencies, bad


def _python_load(base: str, paths: list[str], cookie: str, seconds: int, connections: int) -> dict[str, Any]:
    host_port = base.split("//", 1)[1]
    started = time.perf_counter()
    until = started + seconds
    with multiprocessing.get_context("spawn").Pool(connections) as pool:
        results = pool.map(_client, [(host_port, paths, cookie, until, i) for i in range(connections)])
    wall = time.perf_counter() - started
    latencies = sorted(x for _, lat, _ in results for x in lat)
    n = len(latencies)
    return {"tool": "python http.client (wrk missing)", "rps": n / wall,
            "p50_ms": statistics.median(latencies) if n else float("nan"),
            "p90_ms": latencies[int(n * 0.9)] if n else float("nan"),
            "p99_ms": latencies[int(n * 0.99)] if n else float("nan"), "requests": n,
            "bytes_per_response": 0, "non_2xx": sum(b for _, _, b in results), "socket_errors": "",
            "connections": connections, "seconds": seconds}
