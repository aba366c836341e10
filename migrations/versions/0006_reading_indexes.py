"""reading indexes: the sentence holding an offset, and the disputed count, in one index look-up each

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 16:40:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sentence', schema=None) as batch_op:
        batch_op.create_index('ix_sentence_article_start', ['article_id', 'start'], unique=False)
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index('ix_claim_workflow_state', ['workflow_state'], unique=False)


def downgrade():
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_workflow_state')
    with op.batch_alter_table('sentence', schema=None) as batch_op:
        batch_op.drop_index('ix_sentence_article_start')
