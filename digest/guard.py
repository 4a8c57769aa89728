"""The address guard: which hosts and addresses a request may reach, checked at connect time.

Every TCP connection resolves the host itself and connects to an address it has just checked,
so a name that resolves to a private address (DNS rebinding, a redirect, ``http://2130706433/``)
is refused at connect time, whatever URL led there. TLS still uses the original host name for
SNI and certificate checks because httpcore passes it to ``start_tls`` separately.

Two levels: ``allow_private=False`` refuses every address that is not globally routable;
``allow_private=True`` still refuses link-local addresses and cloud metadata services, which
are reachable only when written as a feed's own URL (the fetcher then uses no guard at all).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import httpcore

from digest.errors import FetchProblem

# Looks a host name up: (host, port) -> addresses, raising FetchProblem when there are none.
Resolver = Callable[[str, int], Awaitable[list[str]]]

# Cloud metadata services by name and by address (where the address is not link-local).
METADATA_NAMES = frozenset({
    "metadata", "metadata.google.internal", "metadata.goog", "instance-data",
    "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com",
})
METADATA_ADDRESSES = frozenset({
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6 (unique-local, not link-local)
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud (shared address space)
})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(FetchProblem):
    """The address guard refused a host or a connection."""


def check_address(address: str, *, allow_private: bool) -> None:
    """Raise Refused unless ``address`` may be reached (link-local and metadata: never)."""
    ip = _embedded(ipaddress.ip_address(address.split("%", 1)[0]))
    written = f" (written {address})" if str(ip) != address else ""
    if ip.is_link_local or ip in METADATA_ADDRESSES:
        raise Refused(f"refused: private address {ip}{written} (link-local or cloud metadata)")
    if not allow_private and not (ip.is_global and not ip.is_multicast):
        raise Refused(f"refused: private address {ip}{written}; "
                      "[fetch] allow_private = true allows it")


def check_host(host: str, *, allow_private: bool) -> None:
    """Refuse metadata names and odd spellings of IP addresses (``2130706433``, ``0x7f.1``).

    Canonical addresses and other names pass: the connect-time check sees what they resolve to.
    """
    host = host.strip("[]").rstrip(".").lower()
    if host in METADATA_NAMES:
        raise Refused(f"refused: cloud metadata service {host}")
    try:
        check_address(str(ipaddress.ip_address(host)), allow_private=allow_private)
        return
    except ValueError:
        pass
    if not all(c in "0123456789abcdefx." for c in host) or not host[:1].isdigit():
        return
    try:
        address = socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return
    check_address(address, allow_private=allow_private)
    raise Refused(f"refused: unusual IP address spelling {host}")


def _embedded(ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
              ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address; else ``ip`` itself."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


async def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, IPv4 first; FetchProblem when there are none."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchProblem(f"DNS lookup failed for {host}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    addresses.sort(key=lambda a: ":" in a)
    if not addresses:
        raise FetchProblem(f"DNS lookup failed for {host}")
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve the host ourselves; with a guard, connect only to addresses it allows.

    ``allow_private=None`` means no guard (a feed's own configured host).
    """

    def __init__(self, resolve: Resolver, *, allow_private: bool | None) -> None:
        self.resolve = resolve
        self.allow_private = allow_private
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        addresses = await self.resolve(host, port)
        if self.allow_private is not None:
            # Refuse when any answer is refused: a rebinding name mixes both kinds.
            for address in addresses:
                check_address(address, allow_private=self.allow_private)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        raise Refused("refused: unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
