"""Thin client for the ServiceDesk REST API."""

import aiohttp


class TicketNotFound(Exception):
    pass


async def lookup(base_url: str, token: str, key: str) -> dict:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    async with aiohttp.ClientSession(base_url=base_url, headers=headers) as session:
        async with session.get(f"/api/v2/tickets/{key}", timeout=aiohttp.ClientTimeout(total=8)) as resp:
            if resp.status == 404:
                raise TicketNotFound(key)
            resp.raise_for_status()
            data = await resp.json()
    return {
        "key": data["key"],
        "title": data["summary"],
        "state": data["status"]["name"],
        "assignee": (data.get("assignee") or {}).get("displayName", "unassigned"),
    }


def format_ticket(ticket: dict) -> str:
    return (
        f"**{ticket['key']}**: {ticket['title']}\n\n"
        f"State: {ticket['state']} - assigned to {ticket['assignee']}"
    )
