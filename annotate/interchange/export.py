"""One entry point for every export format, shared by the download views, the CLI and the API."""
from annotate.interchange import native
from annotate.interchange import rows
from annotate.interchange import snapshot
from annotate.interchange.formats.claimreview import export_claimreview
from annotate.interchange.formats.csv_export import export_csv
from annotate.interchange.formats.w3c import export_w3c

FORMATS = {
    "json": ("application/json", "json"),
    "w3c": ("application/ld+json", "jsonld"),
    "claimreview": ("application/ld+json", "jsonld"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


def render_export(fmt: str, article_ids: list[int] | None = None, status: str | None = None,
                  base_url: str = "http://127.0.0.1:5000/", publisher: str = "Claim desk") -> str:
    """The export body in the chosen format, as text (the CLI writes it); the status filter applies to the native
    JSON."""
    return _render(fmt, article_ids, status, base_url, publisher, native.export_json, str)


def export_body(fmt: str, article_ids: list[int] | None = None, status: str | None = None,
                base_url: str = "http://127.0.0.1:5000/", publisher: str = "Claim desk") -> bytes:
    """render_export as UTF-8, as the downloads and the API send it (the JSON formats straight from the encoder)."""
    return _render(fmt, article_ids, status, base_url, publisher, native.export_json_bytes, str.encode)


def _render(fmt, article_ids, status, base_url, publisher, write_json, write_text):
    """Every format is built from one read of the database: the native JSON from rows, the others from the mapped
    snapshot."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    with snapshot.collector_paused():
        if fmt == "json":
            loaded_rows = rows.load(article_ids)
            return write_json(native.document(loaded_rows, status), loaded_rows.floats)
        loaded = snapshot.load(article_ids)
        if fmt == "w3c":
            return write_json(export_w3c(loaded))
        if fmt == "claimreview":
            return write_json(export_claimreview(loaded, base_url, publisher))
        return write_text(export_csv(loaded))
