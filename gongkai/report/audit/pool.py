"""The pool of worker processes that check the files, a batch per task.

``Workers`` keeps at most two batches per worker in flight and hands each finished batch to a
callback (which appends it to the cache and spools its rendered outputs). A file that kills its
worker does not stop the run: the files that did not come back are checked again one at a time
until the culprit is found and recorded as unreadable. Workers ignore Ctrl-C (the parent stops them) and exit on their own
when the parent is killed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .discover import Target
from .work import Done, Render, audit_batch, crashed, set_render, tune_gc_for_checking


class Workers:
    """The worker pool, with at most two batches per worker in flight.

    A file that kills its worker (a crash in a native library) breaks the whole pool: the pool
    is then replaced, and the files of every batch that did not come back are checked again
    one at a time and alone, so that the culprit is found and recorded as unreadable while
    the others are checked normally."""

    def __init__(self, jobs: int, done: Callable[[Sequence[Done]], None], render: Render | None = None) -> None:
        self.jobs, self.done, self.render = jobs, done, render
        self.pool = self._new_pool()
        self.inflight: dict[Future[list[Done]], list[Target]] = {}
        self.suspects: deque[Target] = deque()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_worker_init, initargs=(os.getpid(), self.render))

    def run(self, batches: Iterator[list[Target]]) -> None:
        try:
            while self._fill(batches):
                finished, _ = wait(self.inflight, return_when=FIRST_COMPLETED)
                for future in finished:
                    if future in self.inflight:  # not already given up with a broken pool
                        self._collect(future)
        except BaseException:
            # Keep what is already finished, then stop the workers without waiting for the rest.
            for future in list(self.inflight):
                if future.done() and not future.cancelled() and future.exception() is None:
                    self.done(future.result())
            _stop_workers(self.pool)
            raise
        self.pool.shutdown(wait=True)

    def _fill(self, batches: Iterator[list[Target]]) -> bool:
        """Submit work; suspects one at a time, alone. False when nothing is left."""
        while self.suspects and not self.inflight:
            self._submit([self.suspects.popleft()])
        while not self.suspects and len(self.inflight) < 2 * self.jobs:
            batch = next(batches, None)
            if batch is None:
                break
            self._submit(batch)
        return bool(self.inflight)

    def _submit(self, batch: list[Target]) -> None:
        self.inflight[self.pool.submit(audit_batch, batch)] = batch

    def _collect(self, future: Future[list[Done]]) -> None:
        batch = self.inflight.pop(future)
        try:
            self.done(future.result())
            return
        except BrokenProcessPool:
            pass
        if len(batch) == 1 and not self.inflight:  # checked alone: this file killed the worker
            self.done([crashed(batch[0])])
        else:
            self.suspects.extend(batch)
        for other, others in list(self.inflight.items()):  # the pool is gone: they failed too
            if other.done() and other.exception() is None:
                self.done(other.result())
            else:
                self.suspects.extend(others)
        self.inflight.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=2)


def _worker_init(parent: int, render: Render | None = None) -> None:
    """Workers leave Ctrl-C to the parent, and exit when the parent is gone (killed); they
    render each file's part of the outputs with ``render`` (the run's language and dismissals),
    with the garbage collector tuned for checking (``work.tune_gc_for_checking``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_render(render)
    tune_gc_for_checking()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
