"""review workflow: manual dispute flag, state since, comment links to evidence

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 06:38:03.021620

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state_since', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('flag_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('flagged_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('flagged_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key('fk_claim_flagged_by_id_user', 'user', ['flagged_by_id'], ['id'])

    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_comment_evidence_id_evidence', 'evidence', ['evidence_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_constraint('fk_comment_evidence_id_evidence', type_='foreignkey')
        batch_op.drop_column('evidence_id')

    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_constraint('fk_claim_flagged_by_id_user', type_='foreignkey')
        batch_op.drop_column('flagged_at')
        batch_op.drop_column('flagged_by_id')
        batch_op.drop_column('flag_reason')
        batch_op.drop_column('state_since')
