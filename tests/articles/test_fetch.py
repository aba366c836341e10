"""Articles from a URL, and the SSRF guards: a real HTTP server on 127.0.0.1 in a thread.

DNS resolution and the socket connection are the network boundary: a guard records every connection and
refuses any address but 127.0.0.1, so a failing guard test can never send traffic anywhere else.
"""
import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.accounts import settings
from annotate.articles import fetch
from annotate.extensions import db
from annotate.models import Article
from tests.factories import assert_json_error
from tests.factories import user_with_token

PARAGRAPH = ("The city council said on Monday that the river bridge will close for eight months of repairs next "
             "year, after inspectors found cracks in two of its piers. ")
ARTICLE_HTML = (
    "<html><head><title>Bridge to close for repairs</title>"
    "<meta property='article:published_time' content='2024-03-05T08:00:00Z'></head><body>"
    "<nav>Home | News | Sport</nav><article><h1>Bridge to close for repairs</h1>"
    + "".join(f"<p>{PARAGRAPH}Paragraph {n}.</p>" for n in range(6))
    + "</article><footer>© Example News</footer></body></html>"
).encode()
LOOPBACK = ipaddress.ip_address("127.0.0.1")


class Handler(BaseHTTPRequestHandler):
    """Routes: /article, /text, /pdf, /big, /big-declared, /slow, /drip, /redirect?to=..., /loop, /missing."""

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host")))
        parts = urlsplit(self.path)
        route = getattr(self, "route_" + parts.path.strip("/").replace("-", "_"), None)
        if route is None:
            return self.send(404, b"not here")
        return route(parse_qs(parts.query))

    def route_article(self, query):
        self.send(200, ARTICLE_HTML)

    def route_text(self, query):
        self.send(200, ("Plain words. " * 20).encode(), "text/plain; charset=utf-8")

    def route_pdf(self, query):
        self.send(200, b"%PDF-1.4", "application/pdf")

    def route_big_declared(self, query):
        self.send(200, b"", Content_Length=str(50 * 1024 * 1024))

    def route_big(self, query):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16384 + b"</p>")
        except OSError:
            pass

    def route_slow(self, query):
        time.sleep(1.5)
        try:
            self.send(200, ARTICLE_HTML)
        except OSError:
            pass

    def route_drip(self, query):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(30):
                self.wfile.write(b"<p>drip</p>")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def route_redirect(self, query):
        self.send(302, b"", Location=query["to"][0])

    def route_loop(self, query):
        self.send(302, b"", Location="/loop")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a test ends without waiting for a deliberately slow handler


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    httpd.base = f"http://127.0.0.1:{httpd.server_port}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def connections(monkeypatch):
    """Every socket fetch opens, recorded; anything but 127.0.0.1 fails the test before a packet leaves."""
    opened = []
    real = socket.create_connection

    def guarded(address, timeout=None, *args):
        opened.append(address[0])
        assert address[0] == "127.0.0.1", f"fetch tried to connect to {address[0]}"
        return real(address, timeout)

    monkeypatch.setattr(fetch, "open_socket", guarded)
    return opened


@pytest.fixture
def dns(monkeypatch):
    """A resolver for made-up host names (the DNS boundary); unknown names fail like real DNS."""
    table: dict[str, list[str]] = {}
    calls = []

    def resolve(host, port):
        calls.append(host)
        if host in table:
            return [ipaddress.ip_address(a) for a in table[host]]
        try:
            return [ipaddress.ip_address(host)]
        except ValueError:
            raise socket.gaierror("unknown host") from None

    monkeypatch.setattr(fetch, "resolve_host", resolve)
    table["calls"] = calls
    return table


def only_loopback(ip) -> bool:
    """A policy for tests: the local test server counts as 'public', every other private address does not."""
    return ip == LOOPBACK or fetch.is_public_address(ip)


# --- the address rules --------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "::1", "::", "fe80::1", "fc00::1",
    "fd12:3456::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
    "2002:7f00:1::1", "64:ff9b::a00:1", "2001:db8::1",
])
def test_non_public_addresses_are_refused(address):
    assert not fetch.is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address):
    assert fetch.is_public_address(ipaddress.ip_address(address))


def test_the_admin_policy_still_refuses_cloud_metadata_multicast_and_unspecified():
    allowed = [a for a in ("127.0.0.1", "10.0.0.1", "fe80::1", "169.254.169.254", "fd00:ec2::254", "224.0.0.1",
                           "0.0.0.0", "::") if fetch.allow_private_hosts(ipaddress.ip_address(a))]
    assert allowed == ["127.0.0.1", "10.0.0.1", "fe80::1"]


@pytest.mark.parametrize("url, message", [
    ("ftp://example.com/a", "Only http:// and https://"),
    ("file:///etc/passwd", "Only http:// and https://"),
    ("javascript:alert(1)", "Only http:// and https://"),
    ("http://user:secret@example.com/", "user name or password"),
    ("http://example.com:99999/", "port"),
    ("http:///nohost", "no host name"),
    ("http://exa mple.com/", "spaces"),
    ("http://[::1/", "not a valid web address"),
])
def test_unfetchable_urls_are_refused_before_any_lookup(dns, url, message):
    with pytest.raises(fetch.FetchError, match=message):
        fetch.fetch_page(url)
    assert dns["calls"] == []


# --- loopback and the admin setting -------------------------------------------------------------------------

def test_loopback_is_refused_by_default(server, connections):
    with pytest.raises(fetch.FetchError, match="127.0.0.1 is a loopback address"):
        fetch.fetch_page(server.base + "/article")
    assert server.seen == [] and connections == []


def test_a_name_that_resolves_to_loopback_is_refused(server, dns, connections):
    dns["intranet.test"] = ["127.0.0.1"]
    with pytest.raises(fetch.FetchError, match="resolves to a loopback address"):
        fetch.fetch_page(f"http://intranet.test:{server.server_port}/article")
    assert connections == []


def test_a_name_with_one_private_address_among_public_ones_is_refused(dns, connections):
    dns["mixed.test"] = ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(fetch.FetchError, match="private address"):
        fetch.fetch_page("http://mixed.test/")
    assert connections == []


def test_unknown_host_name(dns):
    with pytest.raises(fetch.FetchError, match="could not be found"):
        fetch.fetch_page("http://no-such-host.test/")


def test_the_setting_allows_loopback_and_the_article_keeps_title_date_and_url(app, server, user):
    with pytest.raises(fetch.FetchError, match="loopback"):
        fetch.article_from_url(server.base + "/article", user)
    settings.set_setting(settings.ALLOW_PRIVATE_URLS, True, None)
    article = fetch.article_from_url(server.base + "/redirect?to=/article", user)
    db.session.commit()
    assert article.source_url == server.base + "/article"
    assert article.title == "Bridge to close for repairs"
    assert article.published.isoformat() == "2024-03-05"
    assert "eight months of repairs" in article.text and "Sport" not in article.text


def test_the_connection_goes_to_the_vetted_address_without_resolving_again(server, dns, connections):
    dns["news.test"] = ["127.0.0.1"]
    page = fetch.fetch_page(f"http://news.test:{server.server_port}/article", allow=only_loopback)
    assert dns["calls"] == ["news.test"] and connections == ["127.0.0.1"]
    assert server.seen == [("/article", f"news.test:{server.server_port}")]
    assert page.title == "Bridge to close for repairs"


# --- redirects ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]:{port}/article",
    "http://[::1]:{port}/", "http://0.0.0.0:{port}/", "http://internal.test/",
])
def test_a_redirect_to_a_private_address_is_refused_before_connecting(server, dns, connections, target):
    dns["internal.test"] = ["192.168.0.10"]
    target = target.format(port=server.server_port)
    with pytest.raises(fetch.FetchError, match="private networks"):
        fetch.fetch_page(f"{server.base}/redirect?to={target}", allow=only_loopback)
    assert connections == ["127.0.0.1"]
    assert [path for path, _ in server.seen] == [f"/redirect?to={target}"]


def test_with_the_admin_setting_on_a_redirect_to_cloud_metadata_is_still_refused(app, server, user, connections):
    settings.set_setting(settings.ALLOW_PRIVATE_URLS, True, None)
    with pytest.raises(fetch.FetchError, match="169.254.169.254"):
        fetch.article_from_url(f"{server.base}/redirect?to=http://169.254.169.254/latest/", user)
    assert connections == ["127.0.0.1"]
    assert db.session.scalar(select(func.count(Article.id))) == 0


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(fetch.FetchError, match="Only http"):
        fetch.fetch_page(f"{server.base}/redirect?to=file:///etc/passwd", allow=only_loopback)


def test_redirects_stop_after_five(server):
    with pytest.raises(fetch.FetchError, match="more than 5 times"):
        fetch.fetch_page(server.base + "/loop", allow=only_loopback)
    assert len(server.seen) == 6


# --- size, time, type, status -------------------------------------------------------------------------------

def test_a_declared_oversize_body_is_refused_without_reading_it(server):
    with pytest.raises(fetch.FetchError, match="too large"):
        fetch.fetch_page(server.base + "/big-declared", allow=only_loopback)


def test_a_streamed_body_is_cut_at_the_size_limit(server):
    with pytest.raises(fetch.FetchError, match="too large"):
        fetch.fetch_page(server.base + "/big", allow=only_loopback, max_bytes=200_000)


def test_a_slow_server_hits_the_time_limit(server):
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match="took too long"):
        fetch.fetch_page(server.base + "/slow", allow=only_loopback, timeout=0.5)
    assert time.monotonic() - started < 1.4


def test_a_dripping_server_hits_the_overall_time_limit(server):
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match="took too long"):
        fetch.fetch_page(server.base + "/drip", allow=only_loopback, timeout=0.6)
    assert time.monotonic() - started < 1.5


def test_a_non_html_content_type_is_refused(server):
    with pytest.raises(fetch.FetchError, match="serves application/pdf"):
        fetch.fetch_page(server.base + "/pdf", allow=only_loopback)


def test_plain_text_is_accepted_as_is(server):
    assert fetch.fetch_page(server.base + "/text", allow=only_loopback).text.startswith("Plain words.")


def test_an_error_status_is_reported(server):
    with pytest.raises(fetch.FetchError, match="answered 404"):
        fetch.fetch_page(server.base + "/missing", allow=only_loopback)


def test_a_closed_port_is_reported(server):
    port = server.server_port
    server.shutdown()
    server.server_close()
    with pytest.raises(fetch.FetchError, match="refused the connection|could not be fetched"):
        fetch.fetch_page(f"http://127.0.0.1:{port}/article", allow=only_loopback)


# --- through the page and the API ---------------------------------------------------------------------------

def test_the_new_article_page_fetches_a_url_when_allowed(app, logged_in, server):
    response = logged_in.post("/articles/new", data={"fetch_url": server.base + "/article"})
    assert response.status_code == 422
    assert "loopback address" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Article.id))) == 0
    settings.set_setting(settings.ALLOW_PRIVATE_URLS, True, None)
    db.session.commit()
    response = logged_in.post("/articles/new", data={"fetch_url": server.base + "/article"})
    assert response.status_code == 303
    article = db.session.scalar(select(Article))
    assert (article.title, article.source_url) == ("Bridge to close for repairs", server.base + "/article")


def test_the_new_article_page_wants_one_source(app, logged_in):
    response = logged_in.post("/articles/new", data={"fetch_url": "https://example.com/a", "text": "Some text."})
    assert response.status_code == 422 and "not both" in response.get_data(as_text=True)


def test_the_api_refuses_a_loopback_url_with_a_field_error(app, client, server):
    _, headers = user_with_token("scripter")
    response = client.post("/api/v1/articles", json={"fetch_url": server.base + "/article"}, headers=headers)
    assert "loopback" in assert_json_error(response, 422, "fetch_url")["message"]
    assert server.seen == []
