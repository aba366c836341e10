"""One entry point for every export format, shared by the download views, the CLI and the API."""
from annotate.interchange import native
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
    """The export body in the chosen format, built from one snapshot; the status filter applies to the native JSON."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    with snapshot.collector_paused():
        loaded = snapshot.load(article_ids)
        if fmt == "w3c":
            return native.export_json(export_w3c(loaded))
        if fmt == "claimreview":
            return native.export_json(export_claimreview(loaded, base_url, publisher))
        if fmt == "csv":
            return export_csv(loaded)
        return native.export_json(native.document(loaded, status))
