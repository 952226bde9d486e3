"""Response headers that keep a page's content from doing anything on its own.

The Content-Security-Policy is ``default-src 'self'``: scripts, styles, images, fonts and
fetches come only from this server, never inline and never from another host, so text
that slipped through as markup could still not run or call out. The other headers stop
framing (clickjacking), MIME sniffing and referrers leaking the store's URLs.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class SecurityHeaders:
    """ASGI middleware: adds ``HEADERS`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                existing = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in HEADERS if h[0] not in existing),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def allowed_hosts(host: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Host header values the server answers (DNS rebinding defence): loopback names and ``host``."""
    names = [*LOOPBACK, *extra]
    if host not in ("0.0.0.0", "::", "") and host not in names:
        names.append(host)
    return names


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")
