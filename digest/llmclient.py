"""The language-model edge: POST {base_url}/chat/completions on any OpenAI-compatible server.

``ChatClient.ask_all`` never raises for a network, HTTP or protocol problem: each failure
becomes an ``Answer`` whose ``error`` says what went wrong, and the summariser falls back to
the extractive brief for that story. 429 and 5xx are retried with backoff while the story's
``timeout`` lasts; after a few stories in a row failed outright the rest are not asked, so a
dead server costs seconds, not ``timeout`` per story.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import httpx

from digest.config import MIB, LlmSettings
from digest.model import Answer, Prompt

log = logging.getLogger(__name__)

MAX_BODY = 2 * MIB  # an answer is a few KB; a bigger body is a misbehaving server
MAX_ATTEMPTS = 4  # tries per story on 429/5xx, within its timeout
BACKOFF = 0.5  # seconds before the first retry; doubles each time
GIVE_UP_AFTER = 3  # stories failing in a row before the rest are not asked
USER_AGENT = "digest/0.1 (+https://github.com/digest-news/digest)"


class _Retry(Exception):
    """A response worth asking again (429, 5xx); ``wait`` is the server's Retry-After, if any."""

    def __init__(self, error: str, wait: float | None) -> None:
        super().__init__(error)
        self.wait = wait


@dataclass
class _Run:
    """State shared by the requests of one ``ask_all`` call."""

    client: httpx.AsyncClient  # one connection pool
    slots: asyncio.Semaphore  # requests in flight
    structured: bool = True  # send response_format until the server refuses it
    failures: int = 0  # stories in a row that got no answer


class ChatClient:
    """Asks an OpenAI-compatible chat-completions endpoint, several stories at a time."""

    def __init__(self, settings: LlmSettings, *, api_key: str | None = None,
                 unavailable: str | None = None) -> None:
        self.settings = settings
        self.api_key = api_key
        self.unavailable = unavailable  # why nothing can be asked (a missing API key), or None
        self.url = settings.base_url.rstrip("/") + "/chat/completions"

    def ask_all(self, prompts: Sequence[Prompt]) -> list[Answer]:
        """Ask every prompt concurrently; return one Answer per prompt, in order."""
        if not prompts:
            return []
        if self.unavailable:
            return [Answer(text=None, error=self.unavailable) for _ in prompts]
        return asyncio.run(self._ask_all(list(prompts)))

    async def _ask_all(self, prompts: list[Prompt]) -> list[Answer]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        timeout = httpx.Timeout(self.settings.timeout)
        async with httpx.AsyncClient(headers=headers, timeout=timeout, follow_redirects=False) as client:
            run = _Run(client=client, slots=asyncio.Semaphore(self.settings.concurrency))
            return list(await asyncio.gather(*(self._ask_one(run, p) for p in prompts)))

    async def _ask_one(self, run: _Run, prompt: Prompt) -> Answer:
        """One story's answer under the concurrency limit; counts failures in a row."""
        async with run.slots:
            if run.failures >= GIVE_UP_AFTER:
                return Answer(text=None, error=f"not asked: {run.failures} stories in a row got no answer")
            answer = await self._ask(run, prompt)
            run.failures = 0 if answer.text is not None else run.failures + 1
            if answer.error:
                log.warning("llm: %s", answer.error)
            return answer

    async def _ask(self, run: _Run, prompt: Prompt) -> Answer:
        """Ask until an answer, a final error, or the end of the story's timeout."""
        limit = self.settings.timeout
        deadline = time.monotonic() + limit
        for attempt in range(MAX_ATTEMPTS):
            try:
                return await asyncio.wait_for(self._post(run, prompt), deadline - time.monotonic())
            except _Retry as retry:
                wait = retry.wait if retry.wait is not None else BACKOFF * 2**attempt
                if attempt + 1 == MAX_ATTEMPTS or time.monotonic() + wait >= deadline:
                    return Answer(text=None, error=f"{retry} (tried {attempt + 1} times)")
                await asyncio.sleep(wait)
            except (TimeoutError, httpx.TimeoutException):
                return Answer(text=None, error=f"timeout after {limit:g} s")
            except httpx.HTTPError as exc:
                return Answer(text=None, error=f"cannot reach {self.url}: {exc or type(exc).__name__}")
        raise AssertionError("unreachable: the last attempt returns")

    async def _post(self, run: _Run, prompt: Prompt) -> Answer:
        """One POST; raises _Retry on 429/5xx. A 400/422 to a structured request is asked
        again without ``response_format``: not every server knows JSON schemas."""
        structured = run.structured and bool(prompt.schema)
        body = request_body(prompt, self.settings, structured=structured)
        async with run.client.stream("POST", self.url, json=body) as response:
            data = await _read_capped(response)
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retry(f"HTTP {response.status_code} from {self.url}", _retry_after(response))
        if structured and response.status_code in (400, 422):
            log.info("llm: the server refused response_format (HTTP %d); asking without it",
                     response.status_code)
            run.structured = False
            return await self._post(run, prompt)
        if response.status_code != 200:
            return Answer(text=None, error=f"HTTP {response.status_code} from {self.url}: {_detail(data)}")
        return read_completion(data)


def request_body(prompt: Prompt, settings: LlmSettings, *, structured: bool) -> dict[str, Any]:
    """The chat-completions request for ``prompt``."""
    body: dict[str, Any] = {
        "model": prompt.model,
        "messages": [{"role": "system", "content": prompt.system},
                     {"role": "user", "content": prompt.user}],
        "temperature": settings.temperature,
        "stream": False,
    }
    if settings.seed is not None:
        body["seed"] = settings.seed
    if structured:
        body["response_format"] = {"type": "json_schema", "json_schema": {
            "name": "brief", "strict": True, "schema": json.loads(prompt.schema)}}
    return body


async def _read_capped(response: httpx.Response) -> bytes:
    """The body, or a ProtocolError past MAX_BODY bytes."""
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_BODY:
            raise httpx.DecodingError(f"answer over {MAX_BODY // MIB} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from a numeric Retry-After header, or None."""
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


def _detail(data: bytes) -> str:
    """The first line of an error body, short."""
    text = data.decode("utf-8", "replace").strip().splitlines()
    return (text[0][:200] if text else "no detail")


def read_completion(data: bytes) -> Answer:
    """The message content and token usage of a chat-completions response body."""
    try:
        doc = json.loads(data)
        choice = doc["choices"][0]
        message = choice["message"]
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        return Answer(text=None, error="the server's answer is not a chat completion")
    usage = doc.get("usage") if isinstance(doc.get("usage"), dict) else {}
    paid = Answer(text=None, prompt_tokens=_count(usage.get("prompt_tokens")),
                  completion_tokens=_count(usage.get("completion_tokens")))
    if not isinstance(message, dict):
        return replace(paid, error="the server's answer is not a chat completion")
    if message.get("refusal"):
        return replace(paid, error=f"the model refused: {str(message['refusal'])[:200]}")
    if choice.get("finish_reason") == "content_filter":
        return replace(paid, error="the model's answer was filtered")
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        return replace(paid, error="the model's answer is empty")
    return replace(paid, text=content)


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
