"""Per-host concurrency that adapts: grows while a host keeps up, backs off when it pushes back."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

from digest.fetch import Fetcher, FetchRequest
from digest.throttle import HostThrottle
from tests.hostile import HostileServer
from tests.test_fetch import FAST


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def throttle(start: int = 4, most: int = 16) -> tuple[HostThrottle, Clock]:
    clock = Clock()
    return HostThrottle(start, most, max_wait=20.0, clock=clock), clock


def test_prompt_answers_grow_the_limit_one_at_a_time_up_to_the_most():
    t, _ = throttle()
    for expected in (5, 6, 7):
        t.adapt(seconds=0.25, status=200, retry_after=None)
        assert t.limit == expected
    for _ in range(50):
        t.adapt(seconds=0.25, status=304, retry_after=None)
    assert t.limit == 16


def test_429_503_and_retry_after_halve_the_limit_and_pause_the_host():
    t, clock = throttle(start=16)
    t.adapt(seconds=0.2, status=429, retry_after=None)
    assert (t.limit, t.resume_at) == (8, clock.now + 1.0)
    t.adapt(seconds=0.2, status=503, retry_after=30.0)  # capped: 20 s of pause in all per run
    assert (t.limit, t.resume_at) == (4, clock.now + 20.0)
    t.adapt(seconds=0.2, status=200, retry_after=5.0)  # Retry-After on a 200 counts too
    assert t.limit == 2
    for _ in range(5):
        t.adapt(seconds=0.2, status=429, retry_after=None)
    assert t.limit == 1


def test_rising_latency_drops_back_to_per_host_and_errors_halve():
    t, _ = throttle(start=4)
    for _ in range(6):
        t.adapt(seconds=0.2, status=200, retry_after=None)
    assert t.limit == 10
    t.adapt(seconds=0.6, status=200, retry_after=None)  # three times the usual answer
    assert t.limit == 4
    t.adapt(seconds=0.7, status=200, retry_after=None)  # slow again: never below per_host
    assert t.limit == 4
    t.adapt(seconds=0.2, status=0, retry_after=None)  # timeout or connection failure
    assert t.limit == 2


def test_a_host_that_keeps_up_gets_more_in_flight_but_never_more_than_per_host_max():
    settings = replace(FAST, concurrency=64, per_host=2, per_host_max=6)
    with HostileServer() as server:
        fetcher = Fetcher(settings)
        results = fetcher.fetch_all([FetchRequest(server.url(f"/delay?s=0.15&i={i}"))
                                     for i in range(40)])
    assert [r.status for r in results] == [200] * 40
    assert server.max_active == 6
    assert fetcher.peaks == {"127.0.0.1": 6}


def test_a_429_with_retry_after_pauses_the_other_requests_to_that_host():
    settings = replace(FAST, per_host=1, per_host_max=1, timeout=5.0)
    with HostileServer() as server:
        urls = [server.url("/status/429?retry_after=1")] + [server.url(f"/ok?{i}") for i in range(2)]
        results = Fetcher(settings).fetch_all([FetchRequest(u) for u in urls])
        seen = {s.path.split("?")[0]: s.at for s in server.seen}
    assert [r.status for r in results] == [429, 200, 200]
    assert seen["/ok"] - seen["/status/429"] >= 0.95


def test_a_long_retry_after_pauses_its_host_at_most_the_timeout_and_no_other_host():
    settings = replace(FAST, per_host=1, per_host_max=1, timeout=1.0)
    with HostileServer() as server, HostileServer(host="127.0.0.2") as other:
        requests = [FetchRequest(server.url("/status/503?retry_after=600")),
                    FetchRequest(server.url("/ok")), FetchRequest(other.url("/ok"))]
        started = time.monotonic()
        results = Fetcher(settings).fetch_all(requests)
        elapsed = time.monotonic() - started
        paused = [s.at - started for s in server.seen if s.path == "/ok"]
        free = [s.at - started for s in other.seen]
    assert [(r.status, r.retry_after) for r in results] == [(503, 600.0), (200, None), (200, None)]
    assert paused[0] >= 0.9 and elapsed < 2.5  # paused for the 1 s timeout, not 600 s
    assert free[0] < 0.5


def test_pauses_add_up_to_at_most_max_wait_within_one_run():
    t, clock = throttle()
    t.adapt(seconds=0.2, status=429, retry_after=8.0)
    assert t.resume_at == clock.now + 8.0
    clock.now += 8.0  # the pause ran out; the next refusals share the 12 s left
    t.adapt(seconds=0.2, status=429, retry_after=100_000.0)
    assert t.resume_at == clock.now + 12.0
    clock.now += 12.0
    t.adapt(seconds=0.2, status=429, retry_after=100_000.0)
    assert t.resume_at <= clock.now and t.paused == 20.0


def test_many_refused_requests_to_one_host_wait_at_most_max_wait_in_all():
    async def main() -> float:
        t = HostThrottle(1, 1, max_wait=0.2)

        async def one() -> None:
            async with t.slot() as slot:
                slot.done(status=429, retry_after=1000.0)

        started = time.monotonic()
        await asyncio.gather(*(one() for _ in range(8)))
        return time.monotonic() - started

    assert asyncio.run(main()) < 0.6  # one 0.2 s pause, not eight


def test_waiting_tasks_do_not_exceed_the_limit():
    async def main() -> int:
        t = HostThrottle(3, 3, max_wait=1.0)
        active = peak = 0

        async def one() -> None:
            nonlocal active, peak
            async with t.slot() as slot:
                active += 1
                peak = max(peak, active)
                await asyncio.sleep(0.01)
                active -= 1
                slot.done(status=200, retry_after=None)

        await asyncio.gather(*(one() for _ in range(20)))
        return peak

    assert asyncio.run(main()) == 3
