"""create invoices

Revision ID: a81c44e0b913
Revises:
Create Date: 2024-05-02 09:12:44
"""
import sqlalchemy as sa
from alembic import op

revision = "a81c44e0b913"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoices",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("customer_id", sa.BigInteger, nullable=False, index=True),
        sa.Column("currency", sa.CHAR(3), nullable=False),
        sa.Column("amount_minor", sa.BigInteger, nullable=False),
        sa.Column("invoiced_on", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("invoices")
