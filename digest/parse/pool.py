"""Many feed bodies -> ParsedFeeds on every core, while the caller goes on fetching the rest.

feedparser is pure Python and holds the GIL. Parsed in the fetching process, each feed that
arrives stops the event loop that waits for the others (their answers then look slow to the
per-host throttle) and a second core stays idle. ``FeedParsers`` hands each body to a worker
process the moment it arrives; ``results()`` gives the same values ``parse_feed`` gives
in-process (a pure function: same bytes, same ParsedFeed), keyed as submitted.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from functools import partial
from types import TracebackType

from digest.model import ParsedFeed
from digest.parse import parse_feed

log = logging.getLogger(__name__)


class FeedParsers:
    """Parse feed bodies in ``workers`` processes (in this one when ``workers`` < 2)."""

    def __init__(self, workers: int) -> None:
        self._pool = _start_pool(workers) if workers >= 2 else None
        self._lost = False  # a worker died: the pool refuses work, which is then done here
        self._jobs: dict[str, tuple[Future[ParsedFeed] | ParsedFeed, partial[ParsedFeed]]] = {}

    def submit(self, key: str, body: bytes, *, feed_name: str, feed_url: str,
               headers: Mapping[str, str], now: datetime) -> None:
        """Start parsing ``body`` (a worker's job, or done at once without workers)."""
        work = partial(parse_feed, body, feed_name=feed_name, feed_url=feed_url,
                       headers=dict(headers), now=now)
        job: Future[ParsedFeed] | ParsedFeed | None = None
        if self._pool is not None and not self._lost:
            try:
                job = self._pool.submit(work)
            except RuntimeError as exc:  # BrokenProcessPool: a worker was killed
                log.warning("parse workers lost (%s): parsing in this process", exc)
                self._lost = True
        self._jobs[key] = (work() if job is None else job, work)

    def results(self) -> dict[str, ParsedFeed]:
        """Every submitted feed's ParsedFeed by key, waiting for the workers to finish."""
        out = {}
        for key, (job, work) in self._jobs.items():
            if isinstance(job, ParsedFeed):
                out[key] = job
                continue
            try:
                out[key] = job.result()
            except Exception as exc:  # a worker lost (killed, out of memory): parse it here
                log.warning("parse worker failed (%s): parsing %s here", exc, work.keywords["feed_url"])
                out[key] = work()
        return out

    def __enter__(self) -> FeedParsers:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(workers: int) -> ProcessPoolExecutor | None:
    """``workers`` started processes, or None where they cannot be had (not Linux, no
    resources)."""
    if not sys.platform.startswith("linux"):
        return None  # no way to make the workers die with this process (see _die_with_parent)
    # fork: the workers inherit the loaded modules and start in milliseconds. They are forked
    # here, before the caller starts its event loop and threads: a fork taken while another
    # thread holds a lock can leave the child stuck on it.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        pool.submit(int).result()
    except (OSError, RuntimeError) as exc:  # out of processes or memory: parse in this one
        log.warning("no parse workers (%s): parsing in this process", exc)
        pool.shutdown(wait=False, cancel_futures=True)
        return None
    return pool


_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def _die_with_parent(parent: int) -> None:
    """In a new worker: be killed when the digest process ends, even by ``kill -9``. A worker
    left behind would wait for work forever, holding what it inherited by fork (the store's
    lock among it: the next run would find the store in use)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
