"""Static files under fingerprinted addresses (a year of caching), and compressed pages."""
import gzip
import re

from annotate.web import assets
from tests.factories import make_article


def test_pages_link_assets_by_content_hash_and_those_are_cached_for_a_year(app, logged_in):
    html = logged_in.get("/").data.decode()
    addresses = re.findall(r'(?:href|src)="(/static/[^"?]+)\?v=([0-9a-f]{12})"', html)
    assert {path for path, _ in addresses} >= {"/static/css/app.css", "/static/js/app.js",
                                               "/static/vendor/htmx/htmx-2.0.11.min.js"}
    for path, fingerprint in addresses:
        assert fingerprint == assets.content_hash(path.removeprefix("/static/"))
        response = logged_in.get(f"{path}?v={fingerprint}")
        assert response.status_code == 200
        assert response.cache_control.max_age == 365 * 24 * 3600 and response.cache_control.immutable
        response.close()


def test_an_address_without_the_current_hash_is_not_cached_for_long(client):
    for query in ("", "?v=000000000000"):
        response = client.get(f"/static/css/app.css{query}")
        assert response.status_code == 200
        assert not response.cache_control.immutable and (response.cache_control.max_age or 0) < 3600
        response.close()


def test_pages_and_assets_are_compressed_for_browsers_that_accept_it(app, logged_in):
    article = make_article()
    response = logged_in.get(f"/articles/{article.id}", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert b'class="sentence' in gzip.decompress(response.data)
    plain = logged_in.get(f"/articles/{article.id}", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and b'class="sentence' in plain.data
    script = logged_in.get("/static/js/app.js", headers={"Accept-Encoding": "gzip, br"})
    assert script.headers["Content-Encoding"] in ("br", "gzip")
    script.close()


def test_json_downloads_are_left_as_they_are(app, logged_in):
    article = make_article()
    response = logged_in.get(f"/articles/{article.id}/export.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "Content-Encoding" not in response.headers
