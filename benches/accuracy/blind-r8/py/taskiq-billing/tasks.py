import os

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from taskiq import Context, TaskiqDepends

from broker import broker
from db import SessionLocal


@broker.task(retry_on_error=True, max_retries=3)
async def charge_invoice(invoice_id: int, context: Context = TaskiqDepends()) -> str:
    async with SessionLocal() as session:
        row = (
            await session.execute(
                text("SELECT id, customer_id, amount_cents, status FROM invoices WHERE id = :id FOR UPDATE"),
                {"id": invoice_id},
            )
        ).one_or_none()
        if row is None or row.status == "paid":
            return "skipped"
        resp = await context.state.payments.post(
            "/charges",
            json={"customer": row.customer_id, "amount": row.amount_cents, "idempotency_key": f"inv-{row.id}"},
        )
        resp.raise_for_status()
        await session.execute(
            text("UPDATE invoices SET status = 'paid', charge_id = :charge WHERE id = :id"),
            {"charge": resp.json()["id"], "id": invoice_id},
        )
        await session.commit()
    return "paid"


@broker.task
async def send_dunning_email(invoice_id: int) -> None:
    session = SessionLocal()
    row = (
        await session.execute(
            text(
                "SELECT c.email, i.amount_cents, i.due_date FROM invoices i "
                "JOIN customers c ON c.id = i.customer_id WHERE i.id = :id AND i.status = 'open'"
            ),
            {"id": invoice_id},
        )
    ).one_or_none()
    if row is None:
        return
    async with httpx.AsyncClient(base_url=os.environ["MAILER_API_URL"], timeout=10.0) as mailer:
        await mailer.post(
            "/messages",
            json={"to": row.email, "template": "dunning", "vars": {"amount": row.amount_cents / 100, "due": str(row.due_date)}},
        )
    await session.execute(text("UPDATE invoices SET dunning_sent_at = now() WHERE id = :id"), {"id": invoice_id})
    await session.commit()
    await session.close()


@broker.task(schedule=[{"cron": "0 3 * * *"}])
async def archive_paid_invoices() -> int:
    archive = create_async_engine(os.environ["ARCHIVE_DATABASE_URL"])
    async with SessionLocal() as session:
        rows = (
            await session.execute(
                text("SELECT id, customer_id, amount_cents, charge_id, created_at FROM invoices "
                     "WHERE status = 'paid' AND created_at < now() - interval '90 days' LIMIT 5000")
            )
        ).all()
        if not rows:
            return 0
        async with archive.begin() as conn:
            await conn.execute(
                text("INSERT INTO invoices_archive (id, customer_id, amount_cents, charge_id, created_at) "
                     "VALUES (:id, :customer_id, :amount_cents, :charge_id, :created_at) ON CONFLICT DO NOTHING"),
                [dict(r._mapping) for r in rows],
            )
        await session.execute(text("DELETE FROM invoices WHERE id = ANY(:ids)"), {"ids": [r.id for r in rows]})
        await session.commit()
    return len(rows)
