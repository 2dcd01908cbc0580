"""Incremental stories: keep the story index between runs; keep events' actor mention ids.

* ``story_index``: one row holding ``StoryIndex.to_state()`` (JSON), so a later ``accord run``
  adds new articles to the existing stories instead of re-clustering everything.
* ``events.source_mentions``, ``target_mentions`` (JSON lists) and ``location_mention``: the
  mention ids behind an event's actors. Without them a stored event only knows the entity ids
  of the run that saved it, so resolving again over more articles could not re-point it (and
  every re-run rewrote such articles). Nullable: rows saved before this migration read as empty.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story_index",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("saved", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_index")),
    )
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("source_mentions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("target_mentions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("location_mention", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("location_mention")
        batch.drop_column("target_mentions")
        batch.drop_column("source_mentions")
    op.drop_table("story_index")
