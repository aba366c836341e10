"""row_inserts.insert_now writes a new row as the flush would have, and leaves the object stored in the session."""
import pytest
from sqlalchemy import inspect
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Evidence
from annotate.row_inserts import insert_now
from tests.factories import make_article
from tests.factories import make_user

OWN_COLUMNS = ("uuid", "id", "created_at", "updated_at")  # differ between any two new rows


def stored_row(model, id_: int) -> dict:
    row = db.session.execute(select(model.__table__).where(model.__table__.c.id == id_)).mappings().one()
    return {key: value for key, value in row.items() if key not in OWN_COLUMNS}


def test_a_row_inserted_now_equals_one_the_flush_wrote_and_is_stored_in_the_session(app):
    user = make_user()
    article = make_article("The mayor said 40 homes were built. Nobody disputes it.", user=user)
    sentence = article.sentences[0]
    given = {"article_id": article.id, "sentence_id": sentence.id, "start": 15, "end": 34,
             "quote": "40 homes were built", "created_by_id": user.id}
    flushed = Claim(**given)
    db.session.add(flushed)
    db.session.flush()
    direct = insert_now(Claim(**given, attr_source="The mayor"))

    state = inspect(direct)
    assert state.persistent and direct not in db.session.new and direct not in db.session.dirty
    assert direct.id is not None and direct.id != flushed.id and len(direct.uuid) == 36
    assert (direct.version, direct.attr_type, direct.workflow_state, direct.locked) == (1, "unattributed",
                                                                                      "unverified", False)
    assert direct.created_at is not None and direct.rating is None
    assert not state.expired_attributes & {"uuid", "version", "created_at"}  # what it was given or got stays loaded
    assert direct.sentence is sentence  # relationships load on first use, from the session's identity map
    assert db.session.get(Claim, direct.id) is direct

    db.session.commit()
    expected = stored_row(Claim, flushed.id) | {"attr_source": "The mayor"}
    assert stored_row(Claim, direct.id) == expected

    evidence = insert_now(Evidence(claim_id=direct.id, url="https://example.org/homes"))
    direct.attr_cue = "said"  # an object inserted now is changed and flushed like any other
    db.session.commit()
    db.session.expire_all()
    assert [(e.id, e.url, e.stance, e.title) for e in db.session.get(Claim, direct.id).evidence] == [
        (evidence.id, "https://example.org/homes", "context", "")]
    assert db.session.get(Claim, direct.id).attr_cue == "said"


def test_a_row_tied_by_a_relationship_is_refused_before_anything_is_written(app):
    """insert_now writes columns: a claim given its flagger as an object would lose the flagger's id."""
    user = make_user()
    article = make_article("The mayor said 40 homes were built.", user=user)
    claim = Claim(article_id=article.id, sentence_id=article.sentences[0].id, start=15, end=34,
                  quote="40 homes were built", flagged_by=user)
    with pytest.raises(ValueError, match="ids of what the row refers to"):
        insert_now(claim)
    assert db.session.scalars(select(Claim)).all() == []
