"""Per-host politeness that adapts: how many requests may be in flight to one host, and when.

A host starts at ``per_host`` requests in flight. Each prompt answer allows one more, up to
``per_host_max`` (additive increase: a host that keeps up gets about one more slot per answer).
A 429 or 503, a Retry-After header or an error halves the limit (multiplicative decrease,
never below one) and, for the first three, pauses the host for the delay it asked for, at most
``max_wait`` in all within this run (pauses add up: twelve refusals must not stall the host
twelve times as long): the feed that was refused is scheduled for after the full delay
by the store, but one rate-limited feed must not fail or stall every other feed of its host for
hours. An answer much slower than the host's usual (rising latency: the host is queueing us)
drops the limit back to ``per_host``: a big feed among small ones is slow too, and must not
starve the host below its starting share.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

PUSHBACK = (429, 503)
DEFAULT_PAUSE = 1.0  # seconds to pause after a 429/503 that names no delay
SLOW_FACTOR = 2.0  # an answer this many times slower than the host's usual is "slow"
SMOOTHING = 0.2  # weight of the newest prompt answer in the host's usual time
SLOW_MARGIN = 0.05  # ... and at least this many seconds slower (loopback answers in 1 ms)


class HostThrottle:
    """The in-flight limit and pause for one host; use ``async with throttle.slot():``."""

    def __init__(self, start: int, most: int, *, max_wait: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.start = start
        self.limit = start
        self.most = max(start, most)
        self.max_wait = max_wait
        self.clock = clock
        self.active = 0
        self.peak = 0  # most requests in flight at once (for tests and the bench)
        self.usual: float | None = None  # smoothed time of prompt answers, in seconds
        self.resume_at = 0.0  # clock() time before which no request starts
        self.paused = 0.0  # seconds of pause scheduled so far in this run (at most max_wait)
        self.ready = asyncio.Condition()

    def slot(self) -> _Slot:
        """An async context manager holding one slot; report the answer with ``done()``."""
        return _Slot(self)

    async def acquire(self) -> None:
        """Wait for a free slot and the end of any pause (at most ``max_wait`` seconds in all)."""
        async with self.ready:
            await self.ready.wait_for(lambda: self.active < self.limit)
            self.active += 1
            self.peak = max(self.peak, self.active)
        wait = min(self.resume_at - self.clock(), self.max_wait)
        if wait > 0:
            await asyncio.sleep(wait)

    async def release(self) -> None:
        async with self.ready:
            self.active -= 1
            self.ready.notify_all()

    def adapt(self, *, seconds: float, status: int, retry_after: float | None) -> None:
        """Grow or shrink the limit after an answer that took ``seconds``."""
        if status in PUSHBACK or retry_after is not None:
            self.limit = max(1, self.limit // 2)
            self._pause(DEFAULT_PAUSE if retry_after is None else retry_after)
        elif status == 0 or status >= 500:
            self.limit = max(1, self.limit // 2)
        elif self.usual is not None and seconds > self.usual * SLOW_FACTOR + SLOW_MARGIN:
            self.limit = min(self.limit, self.start)
        else:
            self.limit = min(self.most, self.limit + 1)
            self.usual = seconds if self.usual is None else (
                (1 - SMOOTHING) * self.usual + SMOOTHING * seconds)


    def _pause(self, seconds: float) -> None:
        """Pause the host until ``seconds`` from now, within what is left of ``max_wait`` for the run."""
        now = self.clock()
        begin = max(now, self.resume_at)  # a pause already running counts once, not again
        end = min(now + seconds, begin + max(0.0, self.max_wait - self.paused))
        if end > begin:
            self.paused += end - begin
            self.resume_at = end


class _Slot:
    """One request's hold on a host slot."""

    def __init__(self, throttle: HostThrottle) -> None:
        self.throttle = throttle
        self.started = 0.0

    async def __aenter__(self) -> _Slot:
        await self.throttle.acquire()
        self.started = self.throttle.clock()
        return self

    def done(self, *, status: int, retry_after: float | None) -> None:
        """Report how the request fared (call before leaving the block)."""
        seconds = self.throttle.clock() - self.started
        self.throttle.adapt(seconds=seconds, status=status, retry_after=retry_after)

    async def __aexit__(self, *exc_info: object) -> None:
        await self.throttle.release()
