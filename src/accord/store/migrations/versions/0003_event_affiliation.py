"""Event actor affiliations: ``events.source_sectors``, ``target_sectors``,
``source_countries`` and ``target_countries`` (JSON lists).

The sector (PLOVER/CAMEO actor types: GOV, MIL, REB, COP...) and the country (ISO 3166-1
alpha-2) of each actor, one per actor, as ``accord.events.affiliation`` reads them from the
actor's phrase. Nullable: rows saved before this migration read as empty lists.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("source_sectors", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("target_sectors", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("source_countries", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("target_countries", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("target_countries")
        batch.drop_column("source_countries")
        batch.drop_column("target_sectors")
        batch.drop_column("source_sectors")
