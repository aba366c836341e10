"""one current verdict per reviewer and claim: a partial unique index, after superseding any duplicates

Concurrent verdicts by one reviewer (two tabs) could leave two current verdicts on PostgreSQL. Where that
happened, all but the newest are marked superseded (as a revision would), then the index keeps it from recurring.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 05:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

verdict = sa.table('verdict', sa.column('id', sa.Integer), sa.column('claim_id', sa.Integer),
                   sa.column('reviewer_id', sa.Integer), sa.column('created_at', sa.DateTime),
                   sa.column('superseded_at', sa.DateTime))


def upgrade():
    bind = op.get_bind()
    current = bind.execute(sa.select(verdict.c.id, verdict.c.claim_id, verdict.c.reviewer_id, verdict.c.created_at)
                           .where(verdict.c.superseded_at.is_(None))
                           .order_by(verdict.c.claim_id, verdict.c.reviewer_id, verdict.c.created_at.desc(),
                                     verdict.c.id.desc())).all()
    seen = set()
    for row in current:
        key = (row.claim_id, row.reviewer_id)
        if key in seen:  # an older duplicate: superseded when the newer one was written
            bind.execute(verdict.update().where(verdict.c.id == row.id).values(superseded_at=row.created_at))
        seen.add(key)
    op.create_index('ux_verdict_one_current', 'verdict', ['claim_id', 'reviewer_id'], unique=True,
                    sqlite_where=sa.text('superseded_at IS NULL'), postgresql_where=sa.text('superseded_at IS NULL'))


def downgrade():
    op.drop_index('ux_verdict_one_current', table_name='verdict')
