"""Turn an uploaded file or a fetched page into article text: plain text as is, HTML through trafilatura."""
from dataclasses import dataclass
from datetime import date
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


@dataclass(frozen=True)
class Extracted:
    """An article's text as a file or a page gives it, with the title and publication date it names."""

    text: str
    title: str = ""
    published: date | None = None


def published_date(value: str | None) -> date | None:
    """The YYYY-MM-DD start of a date trafilatura read from a page, or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def html_to_text(html, url: str | None = None) -> Extracted:
    """Main text, title and publication date of an HTML page, page chrome dropped: the one place trafilatura is
    called (uploads and fetched pages alike)."""
    import trafilatura  # here, not at start-up: loading it takes half a second that only HTML needs

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError("No article text could be found in this HTML page.", "file")
    metadata = trafilatura.extract_metadata(html, default_url=url)
    title = (metadata.title or "").strip() if metadata else ""
    return Extracted(text, title, published_date(metadata.date if metadata else None))


# Emphasis and link marks vanish, and images with their alt text; an inline HTML tag (<br>) is a word break.
INLINE_TEXT = {"text": lambda t: t.content, "code_inline": lambda t: t.content, "softbreak": lambda t: " ",
               "hardbreak": lambda t: " ", "html_inline": lambda t: " "}


def markdown_to_text(source: str) -> Extracted:
    """Plain text of a Markdown file: a line per paragraph, heading and list item, emphasis and links reduced to
    their words, images and HTML dropped; the first heading is the title (with markdown-it's CommonMark parser)."""
    from markdown_it import MarkdownIt

    lines, title = [], ""
    tokens = MarkdownIt("commonmark").parse(source)
    for position, token in enumerate(tokens):
        if token.type == "inline":
            line = "".join(INLINE_TEXT.get(child.type, lambda t: "")(child) for child in token.children or ())
            line = " ".join(line.split())
            if line:
                lines.append(line)
                if not title and position and tokens[position - 1].type == "heading_open":
                    title = line
        elif token.type in ("fence", "code_block"):
            lines.extend(row.strip() for row in token.content.splitlines() if row.strip())
    return Extracted("\n".join(lines), title)  # empty: refused as an empty article, like an empty .txt


def text_from_upload(filename: str, data: bytes) -> Extracted:
    """The text, a suggested title and the publication date (HTML pages name one) of an uploaded .txt, .md or
    .html file."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise InputError("Upload a .txt, .md or .html file.", "file")
    raw = decode(data)
    if suffix in (".html", ".htm"):
        return html_to_text(raw)
    named = PurePath(filename).stem.replace("-", " ").replace("_", " ")
    if suffix in (".md", ".markdown"):
        found = markdown_to_text(raw)
        return Extracted(found.text, found.title or named)
    return Extracted(raw, named)
