"""suggestion.claim_id indexed: finding the suggestions a claim settled, and the claim's deletion (which sets
their claim_id to NULL), read only those rows instead of every suggestion

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 06:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_suggestion_claim_id', 'suggestion', ['claim_id'], unique=False)


def downgrade():
    op.drop_index('ix_suggestion_claim_id', table_name='suggestion')
