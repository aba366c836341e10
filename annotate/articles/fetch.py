"""Fetching an article from a URL without letting the server reach what it must not (SSRF guards).

Every hop is vetted the same way: http(s) only, the host resolved once, every address it resolves to
checked, and the connection made to that vetted address (never re-resolved, so DNS cannot change its
answer between the check and the connection). Redirects are followed by hand, at most five.
"""
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin
from urllib.parse import urlsplit

from annotate.articles.addresses import address_problem
from annotate.articles.addresses import allow_private_hosts
from annotate.articles.addresses import is_public_address
from annotate.errors import InputError
from annotate.text.extract import html_to_text

FIELD = "fetch_url"
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
USER_AGENT = "ClaimDesk/1.0 (article import)"

open_socket = socket.create_connection  # the network boundary; tests may guard it
__all__ = ["FetchError", "FetchedPage", "address_problem", "allow_private_hosts", "article_from_url", "fetch_page",
           "is_public_address"]


class FetchError(InputError):
    """A page could not be fetched; the message says why, for the URL field."""

    def __init__(self, message: str):
        super().__init__(message, FIELD)


@dataclass
class FetchedPage:
    """What a fetch keeps: where the page finally was, its main text, title and publication date."""

    url: str
    text: str
    title: str
    published: date | None


def resolve_host(host: str, port: int) -> list:
    """Every address the host name resolves to (the DNS boundary)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


@dataclass
class Target:
    """One vetted hop: the URL's parts and the address to connect to."""

    scheme: str
    host: str
    port: int
    path: str
    ip: object


def parse_target(url: str) -> tuple[str, str, int, str]:
    """Scheme, host, port and request path of an http(s) URL, or a clear refusal."""
    if len(url) > 2000 or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise FetchError("This is not a usable web address (too long, or it contains spaces).")
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced [ in the host
        raise FetchError("This is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    if parts.username is not None or parts.password is not None:
        raise FetchError("Addresses with a user name or password in them are not fetched.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError("The port in this address is not a number between 0 and 65535.") from None
    if not parts.hostname:
        raise FetchError("This address has no host name.")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, path


def vet(url: str, allow) -> Target:
    """Resolve the URL's host and check every address it gives; refuse before any connection is made."""
    scheme, host, port, path = parse_target(url)
    try:
        addresses = resolve_host(host, port)
    except (socket.gaierror, UnicodeError, ValueError):
        raise FetchError(f"The host name {host!r} could not be found.") from None
    if not addresses:
        raise FetchError(f"The host name {host!r} could not be found.")
    for ip in addresses:
        if not allow(ip):
            kind = address_problem(ip) or "refused"
            where = f"{host} is a {kind} address" if host.strip("[]") == str(ip) else \
                f"{host} resolves to a {kind} address ({ip})"
            raise FetchError(f"{where}; the desk does not fetch from private networks. "
                             "An admin can allow private addresses on the Account page.")
    return Target(scheme, host, port, path, addresses[0])


def connection(target: Target, timeout: float) -> http.client.HTTPConnection:
    """An HTTP(S) connection to the vetted address, speaking to the host by name (Host header, SNI, certificate)."""
    if target.scheme == "https":
        conn = http.client.HTTPSConnection(target.host, target.port, timeout=timeout,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=timeout)
    address = (str(target.ip), target.port)
    conn._create_connection = lambda _address, timeout=timeout, source=None: open_socket(address, timeout)
    return conn


class Deadline:
    """The whole fetch, redirects included, must finish within the time limit."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise FetchError(f"The page took too long to answer (limit {self.seconds:g} seconds).")
        return left


def read_limited(response: http.client.HTTPResponse, conn, deadline: Deadline, max_bytes: int) -> bytes:
    """The body, streamed, refused as soon as it passes the size limit or the time limit."""
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError(f"The page is too large ({int(declared):,} bytes; the limit is {max_bytes:,}).")
    chunks, size = [], 0
    while True:
        if conn.sock is not None:
            conn.sock.settimeout(deadline.remaining())
        chunk = response.read1(CHUNK_BYTES)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The page is too large (more than {max_bytes:,} bytes).")
        chunks.append(chunk)
        deadline.remaining()


def media_type(response) -> tuple[str, str | None]:
    """The content type without parameters, and its charset when given."""
    message = response.msg
    return message.get_content_type().lower(), message.get_content_charset()


def one_hop(url: str, allow, deadline: Deadline, max_bytes: int) -> tuple[str | None, bytes, str, str | None]:
    """Request one URL: (redirect location or None, body, media type, charset)."""
    target = vet(url, allow)
    conn = connection(target, deadline.remaining())
    try:
        conn.request("GET", target.path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                                                  "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"})
        response = conn.getresponse()
        if response.status in REDIRECT_STATUSES:
            location = response.getheader("Location")
            if not location:
                raise FetchError(f"The page answered a redirect ({response.status}) without saying where to.")
            return urljoin(url, location.strip()), b"", "", None
        if response.status != 200:
            raise FetchError(f"The page answered {response.status} {response.reason or ''}".rstrip() + ".")
        kind, charset = media_type(response)
        if kind not in CONTENT_TYPES:
            raise FetchError(f"This address serves {kind}, not a web page or text (HTML or plain text only).")
        return None, read_limited(response, conn, deadline, max_bytes), kind, charset
    except FetchError:
        raise
    except ssl.SSLError as error:
        raise FetchError(f"The secure connection to {target.host} failed ({error.reason or error}).") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"The page took too long to answer (limit {deadline.seconds:g} seconds).") from None
    except ConnectionRefusedError:
        raise FetchError(f"{target.host} refused the connection.") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"The page could not be fetched ({type(error).__name__}).") from None
    finally:
        conn.close()


def download(url: str, allow=is_public_address, max_bytes: int = MAX_BYTES,
             timeout: float = TIMEOUT_SECONDS) -> tuple[str, bytes, str, str | None]:
    """Follow up to five redirects, vetting each hop: (final URL, body, media type, charset)."""
    deadline = Deadline(timeout)
    for _ in range(MAX_REDIRECTS + 1):
        location, body, kind, charset = one_hop(url, allow, deadline, max_bytes)
        if location is None:
            return url, body, kind, charset
        url = location
    raise FetchError(f"The page redirected more than {MAX_REDIRECTS} times.")


def decode_text(body: bytes, charset: str | None) -> str:
    """Plain text in its declared charset, else UTF-8, else Latin-1 (which never fails)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("latin-1")


def extract(url: str, body: bytes, kind: str, charset: str | None) -> FetchedPage:
    """Main text, title and date of a fetched page (HTML through text.extract, as an upload)."""
    if kind == "text/plain":
        return FetchedPage(url, decode_text(body, charset), "", None)
    try:
        page = html_to_text(decode_text(body, charset) if charset else body, url=url)
    except InputError:
        raise FetchError("No article text could be found on this page.") from None
    return FetchedPage(url, page.text, page.title, page.published)


def with_lowercase_scheme(url: str) -> str:
    """HTTPS://x and https://x are one address; the export format writes the scheme in lower case."""
    scheme, sep, rest = url.partition("://")
    return scheme.lower() + sep + rest if sep else url


def fetch_page(url: str, allow=is_public_address, max_bytes: int = MAX_BYTES,
               timeout: float = TIMEOUT_SECONDS) -> FetchedPage:
    """Fetch a page safely and extract its article text, title and publication date."""
    final_url, body, kind, charset = download((url or "").strip(), allow, max_bytes, timeout)
    return extract(with_lowercase_scheme(final_url), body, kind, charset)


def article_from_url(url: str, user, title: str = "", published: date | None = None):
    """Fetch a page under the admin's address policy and store it as an article (flushed, not committed)."""
    from flask import current_app

    from annotate.accounts.settings import private_urls_allowed
    from annotate.articles.operations import create_article

    allow = allow_private_hosts if private_urls_allowed() else is_public_address
    page = fetch_page(url, allow, current_app.config.get("FETCH_MAX_BYTES", MAX_BYTES),
                      current_app.config.get("FETCH_TIMEOUT_SECONDS", TIMEOUT_SECONDS))
    return create_article(page.text, user, title=title or page.title, source_url=page.url,
                          published=published or page.published)
