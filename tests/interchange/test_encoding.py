"""The native export's encoder (orjson) writes exactly what json.dumps wrote, and falls back to it where they differ."""
import json
import re

from annotate.extensions import db
from annotate.interchange import native
from annotate.interchange.export import export_body
from annotate.interchange.export import render_export
from annotate.models import HistoryEvent
from tests.factories import make_article
from tests.factories import make_claim


def as_json_wrote(document: dict) -> str:
    """The body as the export wrote it before orjson: the standard encoder, compact, text readable."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def without_time(text: str) -> str:
    return re.sub(r'"exported_at":"[^"]*"', "", text)


def test_the_export_is_what_json_dumps_writes(app, user):
    article = make_article("Prices rose 3.5 % 🎉, he said.\n\nA “quote” with a\u2028break and a\ttab.", user=user)
    make_claim(article, "3.5 % 🎉", user=user, rationale="odd \x1f control, \\ backslash, \"quotes\"")
    make_claim(article, sentence_index=1, user=user)
    body = render_export("json", [article.id])
    assert without_time(body) == without_time(as_json_wrote(native.export_articles([article.id])))
    assert without_time(export_body("json", [article.id]).decode("utf-8")) == without_time(body)


def test_history_values_holding_floats_or_huge_integers_are_written_as_json_writes_them(app, user):
    """orjson writes 1e-05 as 0.00001 and refuses integers past 64 bits: an imported history value may hold either."""
    article = make_article(user=user)
    claim = make_claim(article, user=user)
    db.session.add(HistoryEvent(claim_id=claim.id, article_id=article.id, action="imported", entity="claim",
                                before={"share": 1e-05, "ratio": 0.5}, after={"count": 2**70, "nested": [1.5e300]}))
    db.session.commit()
    body = render_export("json", [article.id])
    assert '"share":1e-05' in body and f'"count":{2**70}' in body and "1.5e+300" in body
    assert without_time(body) == without_time(as_json_wrote(native.export_articles([article.id])))
    assert without_time(export_body("json", [article.id]).decode("utf-8")) == without_time(body)
    events = native.export_articles([article.id])["articles"][0]["claims"][0]["history"]
    assert {"share": 1e-05, "ratio": 0.5} in [e["before"] for e in events]
    assert {"count": 2**70, "nested": [1.5e300]} in [e["after"] for e in events]


def test_times_are_written_as_iso_writes_them_whole_seconds_and_microseconds_alike(app, user):
    """On SQLite the export reads its times as text made in the query; it must be what iso() makes of the datetime
    (a whole second without '.000000', microseconds kept, a Z), and the same on PostgreSQL."""
    from datetime import datetime

    from annotate.models import Claim
    from annotate.text.times import iso

    article = make_article(user=user)
    whole, fraction = make_claim(article, user=user), make_claim(article, sentence_index=1, user=user)
    whole.created_at, fraction.created_at = datetime(2026, 1, 2, 3, 4, 5), datetime(2026, 1, 2, 3, 4, 5, 120)
    db.session.commit()
    claims = {c["id"]: c for c in json.loads(export_body("json", [article.id]))["articles"][0]["claims"]}
    assert claims[whole.uuid]["created_at"] == "2026-01-02T03:04:05Z" == iso(datetime(2026, 1, 2, 3, 4, 5))
    assert claims[fraction.uuid]["created_at"] == "2026-01-02T03:04:05.000120Z"
    for claim in db.session.query(Claim).filter(Claim.article_id == article.id):
        exported = claims[claim.uuid]
        assert exported["updated_at"] == iso(claim.updated_at)
        events = db.session.query(HistoryEvent).filter(HistoryEvent.claim_id == claim.id).order_by(HistoryEvent.id)
        assert [e["at"] for e in exported["history"]] == [iso(e.at) for e in events]
