"""URLs typed by users: only http(s) links are stored or shown as links."""
from urllib.parse import urlsplit

from annotate.errors import InputError


def check_http_url(url: str, field: str) -> str:
    """Accept an absolute http(s) URL with a host, scheme in lower case; refuse javascript:, data: and the rest."""
    if len(url) > 2000:
        raise InputError("The URL is too long (2,000 characters at most).", field)
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise InputError("A URL cannot contain spaces or control characters.", field)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced [ in the host
        raise InputError("This is not a valid web address.", field) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError("Give a full web address starting with http:// or https://.", field)
    return parts.scheme.lower() + url[len(parts.scheme):]
