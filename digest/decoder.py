"""Bounded decoding of response bodies: gzip, deflate (with or without its header) and brotli.

A decompression bomb stops at the cap, and a body labelled compressed that is not is read as is.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

import brotli
import httpx

from digest.errors import FetchProblem

CHUNK = 64 * 1024
MIB = 1024 * 1024


async def read_body(response: httpx.Response, cap: int) -> bytes:
    """The decoded body, refused once it grows past ``cap`` bytes."""
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared.isdigit() and int(declared) > cap and encoding in ("", "identity"):
        raise FetchProblem(f"too large (over {size_text(cap)})")
    parts, total = [], 0
    async for piece in _decoded(response.aiter_raw(CHUNK), encoding, limit=cap + 1):
        parts.append(piece)
        total += len(piece)
        if total > cap:
            raise FetchProblem(f"too large (over {size_text(cap)})")
    return b"".join(parts)


async def _decoded(raw: AsyncIterator[bytes], encoding: str, *,
                   limit: int) -> AsyncIterator[bytes]:
    """Decode ``raw`` by Content-Encoding, never producing much more than ``limit`` bytes."""
    codings = [c.strip() for c in encoding.split(",") if c.strip() not in ("", "identity")]
    if not codings:
        async for chunk in raw:
            yield chunk
        return
    if len(codings) > 1:
        raise FetchProblem(f"unsupported content encoding {encoding!r}")
    decoder = _Decoder(codings[0])
    produced = 0
    async for chunk in raw:
        for piece in decoder.feed(chunk, limit - produced):
            produced += len(piece)
            yield piece
            if produced >= limit:
                return
    yield decoder.flush()


class _Decoder:
    """Bounded incremental gzip/deflate/brotli decoding (a bomb stops at the limit)."""

    def __init__(self, coding: str) -> None:
        if coding not in ("gzip", "x-gzip", "deflate", "br"):
            raise FetchProblem(f"unsupported content encoding {coding!r}")
        self.coding = coding
        self.first = True
        self.started = False  # produced output already: a later error is real damage
        self.passthrough = False  # the body was not compressed after all
        wbits = zlib.MAX_WBITS | 16 if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.zlib = zlib.decompressobj(wbits) if coding != "br" else None
        self.brotli = brotli.Decompressor() if coding == "br" else None

    def feed(self, data: bytes, room: int) -> list[bytes]:
        """Decode ``data``; return pieces totalling at most about ``room`` + one chunk."""
        if self.passthrough:
            return [data]
        try:
            feed = self._feed_brotli if self.brotli is not None else self._feed_zlib
            pieces = feed(data, room)
        except (zlib.error, brotli.error) as exc:
            if self.started or not _looks_like_text(data):
                raise FetchProblem(f"could not decompress the {self.coding} body: {exc}") from None
            # Some servers label a plain body as compressed; read it as it is.
            self.passthrough = True
            return [data]
        self.started = self.started or any(pieces)
        return pieces

    def _feed_zlib(self, data: bytes, room: int) -> list[bytes]:
        if self.first and self.coding == "deflate" and data and (data[0] & 0x0F) != 8:
            # Some servers send raw deflate without the zlib header.
            self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        self.first = False
        stream = self.zlib
        assert stream is not None
        pieces = []
        while data and room > 0:
            piece = stream.decompress(data, min(room, CHUNK))
            pieces.append(piece)
            room -= len(piece)
            data = stream.unconsumed_tail
        return pieces

    def _feed_brotli(self, data: bytes, room: int) -> list[bytes]:
        stream = self.brotli
        assert stream is not None
        pieces = [stream.process(data, output_buffer_limit=CHUNK)]
        room -= len(pieces[0])
        while room > 0 and not stream.can_accept_more_data():
            piece = stream.process(b"", output_buffer_limit=CHUNK)
            if not piece:
                break
            pieces.append(piece)
            room -= len(piece)
        return pieces

    def flush(self) -> bytes:
        if self.passthrough or self.zlib is None:
            return b""
        return self.zlib.flush()


def _looks_like_text(data: bytes) -> bool:
    """True when ``data`` starts like an XML, HTML or JSON document."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"<", b"{", b"[")


def size_text(n: int) -> str:
    """``n`` bytes in words: "15 MiB", "4 KiB" or "1000 bytes"."""
    if n % MIB == 0:
        return f"{n // MIB} MiB"
    if n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"
