"""gunicorn settings of a gongkai app server (docs/deploy.md).

    gunicorn -c gongkai/project/gunicorn.conf.py

Threaded workers (gthread): one process per core (at least 2), 4 threads each. A request
spends part of its time waiting for the database, which the other threads of the process use;
unlike sync workers, gthread workers keep connections alive. On 2 cores the benchmark
(docs/performance.md, section Platform) measured it level with 5 sync workers (2 × cores + 1)
or ahead of them, and ahead of 2, with fewer processes.
Each thread holds its own database connection: workers × threads per app server.
Every value can be changed through the environment without editing this file.
"""

import multiprocessing
import os

wsgi_app = "gongkai.project.wsgi:application"
bind = os.environ.get("GONGKAI_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GONGKAI_WORKERS", max(2, multiprocessing.cpu_count())))
worker_class = os.environ.get("GONGKAI_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GONGKAI_THREADS", "4"))  # ignored by sync workers
timeout = int(os.environ.get("GONGKAI_TIMEOUT", "60"))  # letters (PDF) take the longest
graceful_timeout = 30
keepalive = 5  # behind nginx, which keeps upstream connections open
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Only the local reverse proxy may set X-Forwarded-* (the audit log reads X-Real-IP, which
# nginx sets; see docs/deploy.md).
forwarded_allow_ips = os.environ.get("GONGKAI_PROXY_IPS", "127.0.0.1")
accesslog = os.environ.get("GONGKAI_ACCESS_LOG") or None  # nginx logs requests already
errorlog = "-"
loglevel = os.environ.get("GONGKAI_LOG_LEVEL", "info")
