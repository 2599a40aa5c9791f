"""Agent tools. make_tools() is called once at start-up; every tool closes over
the shared pool / HTTP client instead of opening its own."""
import asyncpg
import httpx


def make_tools(pool: asyncpg.Pool, crm: httpx.AsyncClient) -> list:
    async def customer_profile(email: str) -> str:
        """Look up a customer's plan, MRR and account age by email."""
        resp = await crm.get("/customers", params={"email": email})
        if resp.status_code == 404:
            return "unknown customer"
        resp.raise_for_status()
        c = resp.json()
        return f"plan={c['plan']} mrr={c['mrr']} since={c['created_at']}"

    async def recent_tickets(email: str, limit: int = 5) -> str:
        """List the customer's most recent support tickets with their categories."""
        async with pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT id, category, status, subject FROM tickets "
                "WHERE requester_email = $1 ORDER BY created_at DESC LIMIT $2",
                email,
                limit,
            )
        return "\n".join(f"#{r['id']} [{r['category']}/{r['status']}] {r['subject']}" for r in rows) or "none"

    async def open_incidents() -> str:
        """List currently open incidents so duplicates can be linked."""
        async with pool.acquire() as conn:
            rows = await conn.fetch("SELECT id, title FROM incidents WHERE resolved_at IS NULL")
        return "\n".join(f"INC-{r['id']}: {r['title']}" for r in rows) or "no open incidents"

    return [customer_profile, recent_tickets, open_incidents]
