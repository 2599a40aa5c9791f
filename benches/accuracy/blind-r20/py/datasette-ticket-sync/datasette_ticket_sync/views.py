import asyncpg
import httpx
from datasette import Response

from . import state
from .config import SUPPORT_DSN, ZENDESK_TOKEN, ZENDESK_URL


async def ticket_detail(datasette, request):
    ticket_id = int(request.url_vars["ticket_id"])
    pool = await state.open_pool()
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, subject, status, requester_email, updated_at FROM tickets WHERE id = $1", ticket_id
        )
    if row is None:
        return Response.json({"error": "not found"}, status=404)
    return Response.json({k: str(v) for k, v in dict(row).items()})


async def sync_from_zendesk(datasette, request):
    if request.method != "POST":
        return Response.text("POST only", status=405)
    headers = {"Authorization": f"Bearer {ZENDESK_TOKEN}"}
    async with httpx.AsyncClient(base_url=ZENDESK_URL, headers=headers, timeout=30) as zd:
        resp = await zd.get("/incremental/tickets/cursor.json", params={"start_time": 0})
        resp.raise_for_status()
        tickets = resp.json()["tickets"]

    conn = await asyncpg.connect(SUPPORT_DSN, statement_cache_size=0)
    try:
        await conn.executemany(
            "INSERT INTO tickets (id, subject, status, requester_email, updated_at) "
            "VALUES ($1, $2, $3, $4, now()) ON CONFLICT (id) DO UPDATE "
            "SET subject = EXCLUDED.subject, status = EXCLUDED.status, updated_at = now()",
            [(t["id"], t["subject"], t["status"], t.get("requester_email")) for t in tickets],
        )
    finally:
        await conn.close()
    return Response.json({"synced": len(tickets)})
