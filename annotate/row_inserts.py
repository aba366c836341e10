"""A new row written by one INSERT built once, instead of by the session's flush.

Marking a claim, adding evidence and posting a comment write their row while holding SQLite's write lock, which
every other writer waits for. The flush's bookkeeping for one new object (the unit of work, its dependency sort,
the object's state before and after) cost several times the INSERT itself. Here the object's columns, with their
defaults filled in, go to the table in one statement, and the object then joins the session as a stored row: what
the request set on it stays loaded, its relationships load on first use, and the next flush has nothing to write.
"""
from functools import cache

from sqlalchemy import inspect
from sqlalchemy import insert
from sqlalchemy.orm import make_transient_to_detached

from annotate.extensions import db


def insert_now(obj):
    """Write a new (transient) mapped object at once with its table's INSERT, and add it to the session as stored.

    Columns the object was not given take their Python-side default, as the flush would have given them; it gets
    the primary key the database chose. Statements pending in the session are not flushed first: set what the row
    refers to by ids."""
    mapper = inspect(obj).mapper
    loaded = obj.__dict__
    if not _relationship_keys(mapper).isdisjoint(loaded):
        raise ValueError(f"{mapper.class_.__name__}: give insert_now the ids of what the row refers to, not objects "
                         "(a relationship set here would be left out of the INSERT)")
    values = {}
    for prop, column in _columns(mapper):
        if column.primary_key and loaded.get(prop.key) is None:
            continue
        if prop.key in loaded:
            value = loaded[prop.key]
        else:
            value = _default(column)
            setattr(obj, prop.key, value)
        values[column.key] = value
    result = insert_values(mapper.local_table, values)
    key = _primary_key_attribute(mapper)
    if loaded.get(key) is None:
        setattr(obj, key, result.inserted_primary_key[0])
    make_transient_to_detached(obj)
    db.session.add(obj)
    return obj


def insert_values(table, values: dict):
    """One row into the table by its INSERT built once, on the session's connection (no autoflush first)."""
    return db.session.connection().execute(_insert(table), values)


@cache
def _columns(mapper) -> tuple:
    return tuple((prop, prop.columns[0]) for prop in mapper.column_attrs)


@cache
def _relationship_keys(mapper) -> frozenset:
    return frozenset(mapper.relationships.keys())


@cache
def _primary_key_attribute(mapper) -> str:
    return mapper.get_property_by_column(mapper.primary_key[0]).key


@cache
def _insert(table):
    return insert(table)


def _default(column):
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)  # SQLAlchemy wraps a callable to take the execution context
    raise TypeError(f"{column}: insert_now fills in only Python-side defaults")
