"""user: usernames unique whatever their case, in the database (a unique index on lower(username))

Usernames are compared without case (login, the taken check), but only the exact spelling was unique: two admins
creating 'Alice' and 'alice' at once on PostgreSQL both passed the check and made two accounts one login could not
tell apart. The index also serves the login's lookup. A database that already holds such a pair is refused with
their names, so an admin can rename one first.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 21:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

INDEX = 'uq_user_username_lower'


def schema_expression_indexes(dialect_name: str) -> list[str]:
    """What migrations/env.py checks after every run: batch mode cannot reflect an index on an expression, so a
    later migration that rebuilds `user` on SQLite must create this one again."""
    return [INDEX]


def upgrade():
    clashes = op.get_bind().execute(sa.text(
        'SELECT lower(username), count(*) FROM "user" GROUP BY lower(username) HAVING count(*) > 1')).all()
    if clashes:
        names = ", ".join(name for name, _ in clashes)
        raise RuntimeError(f"Usernames that differ only in case must be renamed before this upgrade: {names}.")
    op.create_index(INDEX, 'user', [sa.text('lower(username)')], unique=True)


def downgrade():
    op.drop_index(INDEX, table_name='user')
