"""suggestion (article_id, state, edited) indexed: an article's suggestion figures (on its page, and after every
decision) are counted from the index alone, not from the table's rows

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 13:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_suggestion_article_state', 'suggestion', ['article_id', 'state', 'edited'], unique=False)


def downgrade():
    op.drop_index('ix_suggestion_article_state', table_name='suggestion')
