"""article figures kept by triggers: the page's progress and suggestion counts cost one row, not a count of the article

`article_figures` holds, per article, the body sentences, the checked ones (a claim or "no claim") and the suggestions
by state; `sentence.claim_count` holds the claims of each sentence. Triggers keep both under every write, whatever
path makes it (pages, API, import, merge and split, cascaded deletes, the CLI, bulk statements):

- claim inserted, deleted or moved to another sentence: claim_count + 1 / - 1 on the sentence(s), by an UPDATE;
- sentence inserted, deleted, or its kind, no_claim or claim_count changed: its contribution to the article's
  body and checked counts (body: kind = 'body'; checked: body and (no_claim or claim_count > 0)) is taken off as it
  was (OLD) and added as it is (NEW), only when it changed;
- suggestion inserted, deleted, or its state or edited changed: the same for the counts by state;
- article inserted: its figures row, all zero.

On PostgreSQL, rows inserted or deleted move the figures once per statement (a statement trigger counts its
transition table per article), so creating a long article or deleting one costs a few updates of the figures row.

Why this is exact under concurrent writers (PostgreSQL, READ COMMITTED): each figure is a sum over rows of a
function of that row alone, and every change to such a row is an UPDATE (or INSERT/DELETE) of that row, which
holds the row's lock until commit. A trigger sees the row as its own statement changed it (a waiting UPDATE
re-reads the newest committed version before applying), so the contributions it moves are the row's real before
and after, and the figures move by `n = n + delta` (atomic under the figures row's lock). Two first claims on one
unchecked sentence: the second transaction's `claim_count + 1` waits for the first's commit and then reads 1, so
it goes 1 -> 2 and only the first moved the sentence from unchecked to checked. A statement trigger's transition
table holds the rows exactly as its statement wrote them, so the same holds for it. SQLite has one writer at a time.

Deleting a sentence with claims: the sentence's own delete takes off its contribution as it was; the claims the
cascade deletes afterwards find no sentence row to update (on both databases the row is gone by then).

SQLite's `batch_alter_table` recreates a table and drops its triggers, and cannot rename the copy back while another
table's trigger names it (claim's triggers name sentence). A later migration that rebuilds article, sentence, claim or
suggestion lifts the triggers around the rebuild, with this revision's functions (they make the triggers as this
revision made them; a revision that changes the triggers brings its own `schema_triggers` and functions):

    figures = context.script.get_revision('0012').module  # from alembic import context
    figures.drop_triggers()
    with op.batch_alter_table('sentence') as batch_op: ...
    figures.create_triggers()

migrations/env.py checks at the end of every run that the triggers `schema_triggers` names exist.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

SUGGESTION_COUNTS = {  # column of article_figures: the suggestion row's contribution, in SQL over {row}
    'suggestions_open': "{row}.state = 'open'",
    'suggestions_accepted': "{row}.state = 'accepted'",
    'suggestions_edited': "{row}.state = 'accepted' AND {row}.edited",
    'suggestions_rejected': "{row}.state = 'rejected'",
    'suggestions_superseded': "{row}.state = 'superseded'",
}
SENTENCE_COUNTS = {
    'body_sentences': "{row}.kind = 'body'",
    'checked_sentences': "{row}.kind = 'body' AND ({row}.no_claim OR {row}.claim_count > 0)",
}


def counted(counts: dict, row: str, cast: str = '') -> dict:
    """Each figure's contribution of one row (OLD or NEW), as 0 or 1."""
    return {name: f"({condition.format(row=row)}){cast}" for name, condition in counts.items()}


def backfill() -> None:
    """Every sentence's claim count and every article's figures, counted from the rows as they are."""
    op.execute("UPDATE sentence SET claim_count = (SELECT count(*) FROM claim WHERE claim.sentence_id = sentence.id)")
    sentences = {name: f"(SELECT count(*) FROM sentence WHERE sentence.article_id = article.id AND {condition})"
                 for name, condition in counted(SENTENCE_COUNTS, 'sentence').items()}
    suggestions = {name: f"(SELECT count(*) FROM suggestion WHERE suggestion.article_id = article.id AND {condition})"
                   for name, condition in counted(SUGGESTION_COUNTS, 'suggestion').items()}
    figures = sentences | suggestions
    op.execute(f"INSERT INTO article_figures (article_id, {', '.join(figures)}) "
               f"SELECT article.id, {', '.join(figures.values())} FROM article")


# ------------------------------------------------------------------------------------------------ SQLite

def moved(counts: dict, sign: str, row: str, article: str) -> str:
    """An UPDATE of article_figures adding (sign '+') or taking off ('-') one row's contribution."""
    changes = ', '.join(f"{name} = {name} {sign} {value}" for name, value in counted(counts, row).items())
    return f"UPDATE article_figures SET {changes} WHERE article_id = {article}.article_id;"


def changed(counts: dict) -> str:
    """WHEN an UPDATE changed some contribution of the row (or moved it to another article)."""
    old, new = counted(counts, 'OLD'), counted(counts, 'NEW')
    return ' OR '.join([f"{old[name]} <> {new[name]}" for name in counts] + ["OLD.article_id <> NEW.article_id"])


def sqlite_triggers() -> list[str]:
    statements = [
        "CREATE TRIGGER article_figures_row AFTER INSERT ON article "
        "BEGIN INSERT INTO article_figures (article_id) VALUES (NEW.id); END",
        "CREATE TRIGGER claim_sentence_count_insert AFTER INSERT ON claim "
        "BEGIN UPDATE sentence SET claim_count = claim_count + 1 WHERE id = NEW.sentence_id; END",
        "CREATE TRIGGER claim_sentence_count_delete AFTER DELETE ON claim "
        "BEGIN UPDATE sentence SET claim_count = claim_count - 1 WHERE id = OLD.sentence_id; END",
        "CREATE TRIGGER claim_sentence_count_move AFTER UPDATE OF sentence_id ON claim "
        "WHEN OLD.sentence_id <> NEW.sentence_id BEGIN "
        "UPDATE sentence SET claim_count = claim_count - 1 WHERE id = OLD.sentence_id; "
        "UPDATE sentence SET claim_count = claim_count + 1 WHERE id = NEW.sentence_id; END",
    ]
    for table, counts, columns in (('sentence', SENTENCE_COUNTS, 'kind, no_claim, claim_count, article_id'),
                                   ('suggestion', SUGGESTION_COUNTS, 'state, edited, article_id')):
        name = f"{table}_figures"
        statements += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {moved(counts, '+', 'NEW', 'NEW')} END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {moved(counts, '-', 'OLD', 'OLD')} END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {columns} ON {table} WHEN {changed(counts)} BEGIN "
            f"{moved(counts, '-', 'OLD', 'OLD')} {moved(counts, '+', 'NEW', 'NEW')} END",
        ]
    return statements


# ------------------------------------------------------------------------------------------------ PostgreSQL

PG_CLAIM_COUNT = """
CREATE FUNCTION claim_sentence_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.sentence_id = NEW.sentence_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE sentence SET claim_count = claim_count - 1 WHERE id = OLD.sentence_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE sentence SET claim_count = claim_count + 1 WHERE id = NEW.sentence_id;
    END IF;
    RETURN NULL;
END $$
"""


PG_COUNTED = (('sentence', SENTENCE_COUNTS, 'kind, no_claim, claim_count, article_id'),
              ('suggestion', SUGGESTION_COUNTS, 'state, edited, article_id'))
PG_TRIGGERS = (('article', 'article_figures_row'), ('claim', 'claim_sentence_count'),
               *((table, f"{table}_figures{kind}") for table, _, _ in PG_COUNTED
                 for kind in ('', '_inserted', '_deleted')))


def pg_figures_function(name: str, counts: dict) -> str:
    """A row trigger's function for UPDATE: it moves the row's contributions when they changed, in one UPDATE of the
    figures while the article stays the same."""
    old, new = counted(counts, 'OLD', '::int'), counted(counts, 'NEW', '::int')
    differs = ' OR '.join(f"{old[n]} <> {new[n]}" for n in counts)
    delta = ', '.join(f"{n} = {n} + {new[n]} - {old[n]}" for n in counts)
    minus = ', '.join(f"{n} = {n} - {old[n]}" for n in counts)
    plus = ', '.join(f"{n} = {n} + {new[n]}" for n in counts)
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.article_id = NEW.article_id THEN
        IF {differs} THEN
            UPDATE article_figures SET {delta} WHERE article_id = NEW.article_id;
        END IF;
    ELSE
        UPDATE article_figures SET {minus} WHERE article_id = OLD.article_id;
        UPDATE article_figures SET {plus} WHERE article_id = NEW.article_id;
    END IF;
    RETURN NULL;
END $$
"""


def pg_statement_function(name: str, counts: dict, sign: str) -> str:
    """A statement trigger's function for INSERT (sign '+') or DELETE ('-'): the rows the statement wrote, counted
    per article, move each article's figures once. Creating a 5,000-sentence article is then a few UPDATEs of its
    figures, not 10,000 (PostgreSQL's cost of updating one row again and again in a transaction grows with the
    count: 0.5 s at 5,000, 1.7 s at 10,000)."""
    filters = ', '.join(f"count(*) FILTER (WHERE {condition}) AS {n}" for n, condition in counted(counts, 'r').items())
    changes = ', '.join(f"{n} = article_figures.{n} {sign} changed.{n}" for n in counts)
    nonzero = ' OR '.join(f"changed.{n} <> 0" for n in counts)
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_figures SET {changes}
    FROM (SELECT r.article_id, {filters} FROM written AS r GROUP BY r.article_id) AS changed
    WHERE article_figures.article_id = changed.article_id AND ({nonzero});
    RETURN NULL;
END $$
"""


def postgresql_triggers() -> list[str]:
    statements = [
        "CREATE FUNCTION article_figures_row() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN INSERT INTO article_figures (article_id) VALUES (NEW.id); RETURN NULL; END $$",
        "CREATE TRIGGER article_figures_row AFTER INSERT ON article "
        "FOR EACH ROW EXECUTE FUNCTION article_figures_row()",
        PG_CLAIM_COUNT,
        "CREATE TRIGGER claim_sentence_count AFTER INSERT OR DELETE OR UPDATE OF sentence_id ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_sentence_count()",
    ]
    for table, counts, columns in PG_COUNTED:
        name = f"{table}_figures"
        statements += [
            pg_figures_function(name, counts),
            f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
            pg_statement_function(f"{name}_inserted", counts, '+'),
            f"CREATE TRIGGER {name}_inserted AFTER INSERT ON {table} REFERENCING NEW TABLE AS written "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_inserted()",
            pg_statement_function(f"{name}_deleted", counts, '-'),
            f"CREATE TRIGGER {name}_deleted AFTER DELETE ON {table} REFERENCING OLD TABLE AS written "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_deleted()",
        ]
    return statements


# ------------------------------------------------------------------------------------------------ both

SQLITE_TRIGGERS = ('article_figures_row', 'claim_sentence_count_insert', 'claim_sentence_count_delete',
                   'claim_sentence_count_move', *(f"{table}_figures_{event}" for table in ('sentence', 'suggestion')
                                                  for event in ('insert', 'delete', 'update')))


def schema_triggers(dialect_name: str) -> list[str]:
    """The triggers the schema has from this revision on (migrations/env.py checks them after every run)."""
    if dialect_name == 'postgresql':
        return [name for _, name in PG_TRIGGERS]
    return list(SQLITE_TRIGGERS)


def create_triggers() -> None:
    """Make every trigger (and on PostgreSQL its function) as this revision defines them."""
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for statement in (postgresql_triggers() if postgresql else sqlite_triggers()):
        op.execute(statement)


def drop_triggers() -> None:
    """Drop every trigger create_triggers made (and on PostgreSQL its function)."""
    if op.get_bind().dialect.name == 'postgresql':
        for table, name in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON {table}")
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")


def upgrade():
    postgresql = op.get_bind().dialect.name == 'postgresql'
    if postgresql:  # no write lands between the counting and the triggers
        op.execute("LOCK TABLE article, sentence, claim, suggestion IN SHARE ROW EXCLUSIVE MODE")
    op.add_column('sentence', sa.Column('claim_count', sa.Integer(), server_default='0', nullable=False))
    op.create_table(
        'article_figures',
        sa.Column('article_id', sa.Integer(), sa.ForeignKey('article.id', ondelete='CASCADE'), primary_key=True),
        *(sa.Column(name, sa.Integer(), server_default='0', nullable=False)
          for name in (*SENTENCE_COUNTS, *SUGGESTION_COUNTS)),
    )
    backfill()
    create_triggers()


def downgrade():
    drop_triggers()
    op.drop_table('article_figures')
    # Not batch_alter_table: on SQLite it copies the table and drops the old one, and dropping a table with foreign
    # keys on deletes its rows first, cascading to every claim. SQLite drops a column in place since 3.35.
    op.execute("ALTER TABLE sentence DROP COLUMN claim_count")
