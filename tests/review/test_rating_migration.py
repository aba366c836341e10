"""Migration 0008 moves existing data into the one rating model: a status set by hand becomes a verdict by whoever
set it (or a dispute flag), decided claims get their rating, and every status is derived again."""
import pytest
from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import HistoryEvent
from annotate.models import Verdict
from tests import apps
from tests.conftest import BOTH_DATABASES

ROWS = """
INSERT INTO "user" (id, username, password_hash, role, active, created_at, session_generation)
    VALUES (1, 'ana', 'x', 'reviewer', true, '2026-01-01 10:00:00', 0),
           (2, 'ed', 'x', 'editor', true, '2026-01-01 10:00:00', 0);
INSERT INTO rating (id, key, label, description, colour, position, agreement_group, active)
    VALUES (1, 'supported', 'Supported', '', '#15803d', 0, 'supported', true),
           (2, 'mostly_supported', 'Mostly supported', '', '#4d7c0f', 1, 'supported', true),
           (3, 'refuted', 'Refuted', '', '#c0262d', 2, 'refuted', true);
INSERT INTO article (id, uuid, title, text, blind_verdicts, quorum, created_at, updated_at)
    VALUES (1, 'a-1', 'Old work', 'One. Two. Three. Four. Five.', true, 1, '2026-01-01 10:00:00',
            '2026-01-01 10:00:00');
INSERT INTO sentence (id, article_id, "index", start, "end", kind, paragraph, no_claim, created_at, updated_at)
    VALUES (1, 1, 0, 0, 4, 'body', 0, false, '2026-01-01 10:00:00', '2026-01-01 10:00:00');
INSERT INTO claim (id, uuid, article_id, sentence_id, start, "end", quote, attr_source, attr_role, attr_cue,
                   attr_type, status, rationale, workflow_state, locked, version, created_by_id, updated_by_id,
                   created_at, updated_at)
    VALUES (1, 'c-refuted', 1, 1, 0, 3, 'One', '', '', '', 'unattributed', 'refuted', 'hand', 'unverified', false,
            2, 2, 1, '2026-01-01 10:00:00', '2026-01-02 10:00:00'),
           (2, 'c-disputed', 1, 1, 0, 3, 'One', '', '', '', 'unattributed', 'disputed', '', 'unverified', false,
            2, 1, 1, '2026-01-01 10:00:00', '2026-01-02 10:00:00'),
           (3, 'c-plain', 1, 1, 0, 3, 'One', '', '', '', 'unattributed', 'unverified', '', 'unverified', false,
            1, 1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00'),
           (4, 'c-decided', 1, 1, 0, 3, 'One', '', '', '', 'unattributed', 'mostly_supported', '', 'decided', true,
            3, 1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00'),
           (5, 'c-waiting', 1, 1, 0, 3, 'One', '', '', '', 'unattributed', 'awaiting_signoff', '',
            'awaiting_signoff', false, 1, 1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00');
INSERT INTO decision (id, uuid, claim_id, rating, explanation, method, decided_by_id, decided_at)
    VALUES (1, 'd-1', 4, 'mostly_supported', 'Close enough.', 'editor', 2, '2026-01-03 10:00:00');
"""


@pytest.fixture(params=BOTH_DATABASES)
def old_database_app(request, tmp_path):
    """An app on an empty database of its own, migrated only as far as 0007 (before the rating model)."""
    with apps.app_at_revision(request.param, tmp_path, "0007") as application:
        yield application


def test_hand_set_statuses_become_verdicts_flags_and_derived_statuses(old_database_app):
    with db.engine.begin() as connection:
        for statement in ROWS.split(";"):
            if statement.strip():
                connection.execute(text(statement))
        if db.engine.dialect.name == "postgresql":  # the ids were given by hand: move the sequences past them
            for table in ("user", "rating", "article", "sentence", "claim", "decision"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), 10)"))
    upgrade()
    claims = {c.uuid: c for c in db.session.scalars(select(Claim))}
    view = {uuid: (c.workflow_state, c.status, c.rating) for uuid, c in claims.items()}
    assert view == {
        "c-refuted": ("awaiting_signoff", "in_review", None),  # a verdict by ana, quorum 1
        "c-disputed": ("disputed", "disputed", None),  # a flag by ana
        "c-plain": ("unverified", "unverified", None),
        "c-decided": ("decided", "supported", "mostly_supported"),  # the rating's export status
        "c-waiting": ("awaiting_signoff", "in_review", None),
    }
    (verdict,) = db.session.scalars(select(Verdict))
    assert (verdict.claim.uuid, verdict.reviewer.username, verdict.rating) == ("c-refuted", "ana", "refuted")
    assert claims["c-refuted"].rationale == "hand"
    assert claims["c-disputed"].flagged_by.username == "ana" and "by hand" in claims["c-disputed"].flag_reason
    events = {e.entity_id: e for e in db.session.scalars(select(HistoryEvent).where(HistoryEvent.action == "migrated"))}
    assert events["c-refuted"].before == {"status": "refuted"} and events["c-refuted"].actor.username == "ana"
    assert events["c-refuted"].entity == "verdict" and events["c-refuted"].after["rating"] == "refuted"
    assert events["c-disputed"].after == {"flag_reason": claims["c-disputed"].flag_reason}
    buckets = dict(db.session.execute(text("SELECT key, export_status FROM rating")).all())
    assert buckets == {"supported": "supported", "mostly_supported": "supported", "refuted": "refuted"}


def test_duplicate_current_verdicts_from_a_race_are_superseded_and_then_refused(old_database_app):
    upgrade(revision="0008")
    with db.engine.begin() as connection:
        for statement in ROWS.split(";"):
            if statement.strip():
                connection.execute(text(statement))
        connection.execute(text(
            "INSERT INTO verdict (id, uuid, claim_id, reviewer_id, rating, confidence, note, created_at) VALUES "
            "(1, 'v-1', 3, 1, 'refuted', 3, 'first tab', '2026-01-05 10:00:00'), "
            "(2, 'v-2', 3, 1, 'supported', 3, 'second tab', '2026-01-05 10:00:01')"))
    upgrade()
    current = db.session.scalars(select(Verdict).where(Verdict.superseded_at.is_(None))).all()
    assert [v.note for v in current] == ["second tab"]
    older = db.session.get(Verdict, 1)
    assert older.superseded_at is not None
    db.session.add(Verdict(uuid="v-3", claim_id=3, reviewer_id=1, rating="refuted", confidence=3, note="third"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
