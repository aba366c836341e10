"""Turn an uploaded file into article text: plain text as is, HTML through trafilatura."""
from pathlib import PurePath

from annotate.errors import InputError

ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary or other encodings clearly."""
    if b"\x00" in data:
        raise InputError("This file looks binary, not text.", "file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("The file is not valid UTF-8 text.", "file") from None


def html_to_text(html: str) -> tuple[str, str]:
    """Main text and title of an HTML page, page chrome dropped."""
    import trafilatura  # here, not at start-up: loading it takes half a second that only HTML uploads need

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError("No article text could be found in this HTML page.", "file")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "") or ""
    return text, title


def text_from_upload(filename: str, data: bytes) -> tuple[str, str]:
    """(text, suggested title) of an uploaded .txt, .md or .html file."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise InputError("Upload a .txt, .md or .html file.", "file")
    raw = decode(data)
    if suffix in (".html", ".htm"):
        return html_to_text(raw)
    return raw, PurePath(filename).stem.replace("-", " ").replace("_", " ")
