"""Response headers that hold on every page: CSP without inline script, no framing, HSTS on an https site; and
which proxy headers to believe."""
from flask import Flask
from flask import request
from werkzeug.middleware.proxy_fix import ProxyFix

from annotate.config import served_over_https

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HSTS = "max-age=31536000"  # a year; browsers then refuse plain http for the site (no subdomains: not ours to say)


def init_app(app: Flask) -> None:
    """Attach the headers to every response; behind PROXY_COUNT proxies, take the client address and scheme from
    their X-Forwarded-For and X-Forwarded-Proto (the login limits count per address)."""
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    https = served_over_https(app)

    @app.after_request
    def set_security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if request.headers.get("HX-Request") is not None or response.mimetype == "text/html":
            response.vary.add("HX-Request")
        return response
