"""The guard on every fetch (SSRF): a URL, a redirect or a feed item may only reach a public address.

Every request the client sends (redirect hops included) passes `GuardedTransport`, which resolves the host name
itself — with the system's own rules, so `2130706433`, `0177.0.0.1`, `127.1` and `localhost` are seen for what they
are — refuses if any address is loopback, private, link-local, shared, reserved, multicast or unspecified (IPv4
inside IPv6 judged as IPv4), and then connects to the address it checked, so a second DNS answer cannot swap in
another (DNS rebinding). `--allow-private` turns the guard off for intranet sources.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolve = Callable[[str, int], list[str]]
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class RefusedAddress(httpx.TransportError):
    """The URL's host is (or resolves to) an address that is not public; nothing was sent."""


def system_resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to by the system's rules (numeric forms included), without connecting."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise httpx.ConnectError(f"cannot resolve {host!r} ({e})") from e
    return sorted({str(info[4][0]) for info in found})


def why_private(address: Address) -> str | None:
    """Why an address may not be fetched ("loopback", "private" …), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return why_private(embedded)
    for reason, flag in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return reason
    return None if address.is_global else "not public"


class GuardedTransport(httpx.BaseTransport):
    """Refuses requests to non-public addresses before connecting; sends the others to the checked address."""

    def __init__(self, inner: httpx.BaseTransport, *, resolve: Resolve = system_resolve) -> None:
        self.inner = inner
        self.resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        addresses = self.resolve(host, port)
        if not addresses:
            raise httpx.ConnectError(f"{host!r} has no address")
        for text in addresses:
            reason = why_private(ipaddress.ip_address(text.split("%", 1)[0]))
            if reason is not None:
                shown = host if host == text else f"{host} ({text})"
                raise RefusedAddress(
                    f"refused: {shown} is a {reason} address (use --allow-private for intranet sources)"
                )
        pinned = request.url.copy_with(host=addresses[0])
        extensions = dict(request.extensions)
        if request.url.scheme == "https":
            extensions.setdefault("sni_hostname", host)  # the certificate is still checked against the name
        headers = request.headers.copy()
        headers.setdefault("host", request.url.netloc.decode("ascii"))
        forward = httpx.Request(request.method, pinned, headers=headers, stream=request.stream, extensions=extensions)
        return self.inner.handle_request(forward)

    def close(self) -> None:
        self.inner.close()
