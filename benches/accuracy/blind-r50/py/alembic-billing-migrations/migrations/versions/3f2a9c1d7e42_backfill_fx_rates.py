"""fx_rates table, backfilled from the Frankfurter (ECB) API

Revision ID: 3f2a9c1d7e42
Revises: a81c44e0b913
Create Date: 2024-06-11 14:03:10
"""
import sqlalchemy as sa
import requests
from alembic import op

revision = "3f2a9c1d7e42"
down_revision = "a81c44e0b913"
branch_labels = None
depends_on = None

FX_API = "https://api.frankfurter.app"


def upgrade() -> None:
    fx_rates = op.create_table(
        "fx_rates",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("currency", sa.CHAR(3), primary_key=True),
        sa.Column("per_eur", sa.Numeric(18, 8), nullable=False),
    )
    bind = op.get_bind()
    days = bind.execute(
        sa.text(
            "SELECT DISTINCT invoiced_on FROM invoices WHERE currency <> 'EUR' ORDER BY 1"
        )
    ).scalars().all()

    with requests.Session() as http:
        for day in days:
            resp = http.get(f"{FX_API}/{day.isoformat()}", params={"from": "EUR"}, timeout=15)
            resp.raise_for_status()
            rates = resp.json()["rates"]
            op.bulk_insert(
                fx_rates,
                [{"day": day, "currency": cur, "per_eur": rate} for cur, rate in rates.items()],
            )


def downgrade() -> None:
    op.drop_table("fx_rates")
