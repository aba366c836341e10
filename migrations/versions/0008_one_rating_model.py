"""one rating model: ratings come from verdicts and decisions only; a status set by hand becomes a verdict

Adds the claim's decided `rating`, the article's "a single verdict decides" setting and each vocabulary rating's
export-v1 status. Existing data moves to the model: a status someone set by hand (supported, refuted, misleading,
unverifiable) becomes a verdict by whoever set it, "disputed" becomes a dispute flag, and every claim's status is
derived again from its workflow state or decided rating. Each moved claim's history says so ("migrated").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 05:00:00.000000

"""
import uuid
from datetime import datetime
from datetime import timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

BUCKETS = ("supported", "refuted", "misleading", "unverifiable")
DEFAULT_EXPORT_STATUS = {"supported": "supported", "mostly_supported": "supported", "mixed": "misleading",
                         "misleading": "misleading", "refuted": "refuted", "unverifiable": "unverifiable"}
STATE_STATUS = {"unverified": "unverified", "in_review": "in_review", "awaiting_signoff": "in_review",
                "disputed": "disputed"}
FLAG_REASON = 'Marked "disputed" by hand before disputes came from flags and disagreeing verdicts.'

claim = sa.table('claim', sa.column('id', sa.Integer), sa.column('article_id', sa.Integer),
                 sa.column('uuid', sa.String), sa.column('status', sa.String), sa.column('rating', sa.String),
                 sa.column('workflow_state', sa.String), sa.column('locked', sa.Boolean),
                 sa.column('updated_by_id', sa.Integer), sa.column('created_by_id', sa.Integer),
                 sa.column('updated_at', sa.DateTime), sa.column('state_since', sa.DateTime),
                 sa.column('flag_reason', sa.Text), sa.column('flagged_by_id', sa.Integer),
                 sa.column('flagged_at', sa.DateTime))
article = sa.table('article', sa.column('id', sa.Integer), sa.column('quorum', sa.Integer))
rating = sa.table('rating', sa.column('key', sa.String), sa.column('export_status', sa.String),
                  sa.column('position', sa.Integer), sa.column('id', sa.Integer))
decision = sa.table('decision', sa.column('claim_id', sa.Integer), sa.column('rating', sa.String),
                    sa.column('reopened_at', sa.DateTime), sa.column('decided_at', sa.DateTime),
                    sa.column('id', sa.Integer))
verdict = sa.table('verdict', sa.column('uuid', sa.String), sa.column('claim_id', sa.Integer),
                   sa.column('reviewer_id', sa.Integer), sa.column('rating', sa.String),
                   sa.column('confidence', sa.Integer), sa.column('note', sa.Text),
                   sa.column('created_at', sa.DateTime), sa.column('superseded_at', sa.DateTime))
user = sa.table('user', sa.column('id', sa.Integer), sa.column('username', sa.String), sa.column('role', sa.String))
history_event = sa.table('history_event', sa.column('uuid', sa.String), sa.column('article_id', sa.Integer),
                         sa.column('claim_id', sa.Integer), sa.column('actor_id', sa.Integer),
                         sa.column('at', sa.DateTime), sa.column('action', sa.String), sa.column('entity', sa.String),
                         sa.column('entity_id', sa.String), sa.column('before', sa.JSON), sa.column('after', sa.JSON))


def upgrade():
    # Plain ADD COLUMNs: a server default given as an expression (sa.false()) would make SQLite's batch mode
    # recreate the table, and dropping the old article table cascades to every sentence and claim.
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('single_verdict', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rating', sa.String(length=40), nullable=True))
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('export_status', sa.String(length=20), nullable=False,
                                      server_default='unverifiable'))
    move_data(op.get_bind())


def move_data(bind) -> None:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for key, bucket in DEFAULT_EXPORT_STATUS.items():
        bind.execute(rating.update().where(rating.c.key == key).values(export_status=bucket))
    vocabulary = bind.execute(sa.select(rating.c.key, rating.c.export_status)
                              .order_by(rating.c.position, rating.c.id)).all()
    bucket_of = dict(vocabulary)
    names = dict(bind.execute(sa.select(user.c.id, user.c.username)).all())
    first_admin = bind.scalar(sa.select(user.c.id).where(user.c.role == 'admin').order_by(user.c.id))
    quorum = dict(bind.execute(sa.select(article.c.id, article.c.quorum)).all())
    decided = dict(bind.execute(sa.select(decision.c.claim_id, decision.c.rating)
                                .where(decision.c.reopened_at.is_(None))
                                .order_by(decision.c.decided_at, decision.c.id)).all())

    def note(row, actor, action, entity, before, after):
        bind.execute(history_event.insert().values(
            uuid=str(uuid.uuid4()), article_id=row.article_id, claim_id=row.id, actor_id=actor, at=now,
            action=action, entity=entity, entity_id=row.uuid, before=before, after=after))

    for row in bind.execute(sa.select(claim)).all():
        values = {}
        if row.locked and row.id in decided:
            values['rating'] = decided[row.id]
            values['status'] = bucket_of.get(decided[row.id], 'unverifiable')
        elif row.workflow_state == 'unverified' and row.status != 'unverified':
            values = hand_set_status(bind, row, note, names, first_admin, quorum, bucket_of, vocabulary, now)
        else:
            values['status'] = STATE_STATUS.get(row.workflow_state, 'unverified')
        if values and any(getattr(row, k) != v for k, v in values.items()):
            bind.execute(claim.update().where(claim.c.id == row.id).values(**values))


def hand_set_status(bind, row, note, names, first_admin, quorum, bucket_of, vocabulary, now) -> dict:
    """A status someone set by hand, moved into the model: a verdict by them, or a dispute flag."""
    actor = row.updated_by_id or row.created_by_id or first_admin
    if row.status in BUCKETS and actor is not None:
        key = row.status if row.status in bucket_of else next((k for k, b in vocabulary if b == row.status), None)
        if key is not None:
            verdict_uuid = str(uuid.uuid4())
            bind.execute(verdict.insert().values(uuid=verdict_uuid, claim_id=row.id, reviewer_id=actor, rating=key,
                                                 confidence=3, note='', created_at=row.updated_at or now))
            note(row, actor, 'migrated', 'verdict', {'status': row.status},
                 {'reviewer': names.get(actor), 'rating': key, 'confidence': 3, 'note': '', 'evidence': []})
            state = 'awaiting_signoff' if (quorum.get(row.article_id) or 1) <= 1 else 'in_review'
            return {'status': 'in_review', 'workflow_state': state, 'state_since': now}
    if row.status == 'disputed' and actor is not None:
        note(row, actor, 'migrated', 'claim', {'status': 'disputed'}, {'flag_reason': FLAG_REASON})
        return {'status': 'disputed', 'workflow_state': 'disputed', 'state_since': now, 'flag_reason': FLAG_REASON,
                'flagged_by_id': actor, 'flagged_at': row.updated_at or now}
    note(row, None, 'migrated', 'claim', {'status': row.status}, {'status': 'unverified'})
    return {'status': 'unverified'}


def downgrade():
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.drop_column('export_status')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('rating')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('single_verdict')
