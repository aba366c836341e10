"""CSV for spreadsheets: one row per claim, UTF-8 with a BOM, formula injection neutralised."""
import csv
import io

from annotate.interchange.formats import label_for
from annotate.interchange.snapshot import Snapshot
from annotate.text.times import iso

COLUMNS = ["article_id", "article_title", "article_url", "sentence_index", "sentence", "claim_id", "quote", "start",
           "end", "source", "role", "cue", "attribution_type", "status", "rating", "rationale", "evidence_urls",
           "created_by", "updated_at"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text a spreadsheet will show, not run: a leading formula character gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def claim_row(article, claim, sentence, labels: dict, viewer) -> list[str]:
    values = [article.uuid, article.title, article.source_url, sentence.index,
              article.text[sentence.start : sentence.end], claim.uuid, claim.quote, claim.start, claim.end,
              claim.attr_source, claim.attr_role, claim.attr_cue, claim.attr_type, claim.status,
              label_for(claim.rating, labels) if claim.rating else "", viewer.rationale(claim),
              " ".join(e.url for e in claim.evidence), claim.created_by.username if claim.created_by else "",
              iso(claim.updated_at)]
    return [safe_cell(v) for v in values]


def export_csv(loaded: Snapshot) -> str:
    """The whole CSV text, BOM first, so Excel opens it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for article in loaded.articles:
        sentences = {s.id: s for s in article.sentences}
        for claim in article.claims:
            writer.writerow(claim_row(article, claim, sentences[claim.sentence_id], loaded.labels,
                                      loaded.extras.viewer))
    return "\ufeff" + out.getvalue()
