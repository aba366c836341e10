"""Compare-and-set, written once: a write that can race is one UPDATE that applies only while its condition
still holds, so of two requests acting on what they both read, one wins and the other is refused (never both
acknowledged with one silently lost). Claim saves (the version), verdicts (the one current verdict), flags and
sign-offs all go through here."""
from sqlalchemy import inspect
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from annotate.extensions import db


def change_if(record, condition, refused, **values) -> None:
    """Set `values` on the record's row in one statement, only while `condition` holds; else raise `refused()`.

    The record's attributes take the values as stored, and relationships that follow a changed column are read
    again when next used. Nothing pending is flushed first: the check comes before the request's other writes.
    """
    model = type(record)
    with db.session.no_autoflush:
        done = db.session.execute(update(model).where(model.id == record.id, condition).values(**values)
                                  .execution_options(synchronize_session=False))
    if done.rowcount != 1:
        raise refused()
    for name, value in values.items():
        set_committed_value(record, name, value)
    following = [rel.key for rel in inspect(model).relationships if {c.key for c in rel.local_columns} & set(values)
                 and rel.direction.name == "MANYTOONE"]
    if following:
        db.session.expire(record, following)
