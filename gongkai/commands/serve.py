"""``gongkai serve``: migrate, collect the static files and serve the platform.

Production-like on one machine: gunicorn with several worker processes (its settings from
``gongkai/project/gunicorn.conf.py``), static files from STATIC_ROOT through WhiteNoise. Where
gunicorn cannot run (Windows) Django's own server takes its place. Problems a user must fix
(port taken, database unreachable) are one line on standard error and exit status 2."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path
from typing import Annotated, Any

import typer

from ..cli import app, fail

GUNICORN_CONF = Path(__file__).resolve().parent.parent / "project" / "gunicorn.conf.py"


def django_ready() -> None:
    """Set Django up for a command; an unusable setting is one line, not a traceback."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.project.settings")
    import django

    try:
        django.setup()
    except Exception as exc:  # noqa: BLE001 - a bad DATABASE_URL, an unwritable GONGKAI_DATA_DIR …
        raise fail(f"无法启动平台：{_one_line(exc)}（检查 DATABASE_URL、GONGKAI_DATA_DIR 等设置）") from None


def migrate() -> None:
    """Bring the database schema up to date (a no-op when it is)."""
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as exc:
        raise fail(f"无法连接或更新数据库：{_one_line(exc)}（检查 DATABASE_URL 与数据库服务）") from None


def check_port(host: str, port: int) -> None:
    """Bind once before anything else, so a taken port is said at once and plainly."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise fail(f"无法识别的主机地址“{host}”") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise fail(f"端口 {port} 已被占用（{host}）：请停止占用它的程序，或用 --port 换一个端口") from None
            if exc.errno == errno.EACCES:
                raise fail(f"没有权限监听端口 {port}（1024 以下的端口需要管理员权限），请用 --port 换一个端口") from None
            raise fail(f"无法监听 {host}:{port}：{exc.strerror or exc}") from None


def collect_static() -> None:
    from django.core.management import call_command

    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except OSError as exc:
        raise fail(f"无法写入静态文件目录：{_one_line(exc)}（检查 GONGKAI_DATA_DIR）") from None


def warn_checks() -> None:
    """Django's system checks: warnings as one line each (e.g. a missing holiday schedule)."""
    from django.core import checks

    for message in checks.run_checks(include_deployment_checks=False):
        line = f"{message.id}: {message.msg}"
        if message.is_serious():
            raise fail(f"配置错误 {line}")
        if message.level >= checks.WARNING:
            typer.echo(f"提示 {line}", err=True)


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def site_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    return f"http://{bind_address(shown, port)}/"


def default_workers() -> int:
    return 2 * (os.cpu_count() or 1) + 1


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="监听地址；0.0.0.0 表示本机所有网络接口")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="监听端口")] = 8000,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="工作进程数（默认取 GONGKAI_WORKERS，未设置则为 CPU 核数 × 2 + 1）")] = None,
) -> None:
    """启动平台：更新数据库结构、收集静态文件，然后提供服务（gunicorn，多进程）。Serve the platform.

    数据（SQLite 数据库、附件、静态文件）在 GONGKAI_DATA_DIR（默认 ./var）；设置见 docs/deploy.md。"""
    check_port(host, port)
    django_ready()
    migrate()
    collect_static()
    warn_checks()
    _hint_allowed_hosts(host)
    from django.db import connections

    connections.close_all()  # the workers open their own connections after the fork
    try:
        server = _gunicorn(host, port, workers)
    except ImportError:  # gunicorn does not run on Windows
        typer.echo(f"平台已启动：{site_url(host, port)}（Django 开发服务器，单进程；按 Ctrl-C 停止）")
        _runserver(host, port)
        return
    typer.echo(f"平台已启动：{site_url(host, port)}（gunicorn，{server.cfg.workers} 个工作进程；按 Ctrl-C 停止）")
    server.run()


def _gunicorn(host: str, port: int, workers: int | None) -> Any:
    """gunicorn in this process, configured by gunicorn.conf.py, then by the options."""
    from gunicorn.app.base import Application

    class Platform(Application):  # type: ignore[misc]
        def init(self, parser: Any, opts: Any, args: Any) -> None:
            return None

        def load_config(self) -> None:
            if GUNICORN_CONF.exists():
                self.load_config_from_file(str(GUNICORN_CONF))
            self.cfg.set("bind", [bind_address(host, port)])
            self.cfg.set("workers", workers or self.cfg.workers or default_workers())
            self.cfg.set("proc_name", "gongkai")
            # No control socket in ~/.gunicorn: two servers on one machine would share it.
            self.cfg.set("control_socket_disable", True)

        def load(self) -> Any:
            from gongkai.project.wsgi import application

            return application

    return Platform()


def _runserver(host: str, port: int) -> None:
    from django.core.management import call_command

    call_command("runserver", bind_address(host, port), use_reloader=False, skip_checks=True)


def _hint_allowed_hosts(host: str) -> None:
    from django.conf import settings

    if host not in {"127.0.0.1", "localhost", "::1"} and "*" not in settings.ALLOWED_HOSTS:
        typer.echo(f"提示：从其他机器访问时，请把本机的地址或域名加入 GONGKAI_ALLOWED_HOSTS（现为 "
                   f"{','.join(settings.ALLOWED_HOSTS)}）", err=True)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
