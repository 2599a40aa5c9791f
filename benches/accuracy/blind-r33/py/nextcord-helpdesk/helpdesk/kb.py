"""Per-guild knowledge-base clients. Each guild is a Chroma tenant; at most one client per guild."""
import os

import chromadb

_clients: dict[int, "chromadb.api.ClientAPI"] = {}
ALLOWED_GUILDS = {int(g) for g in os.environ.get("KB_GUILDS", "").split(",") if g}


def kb_for_guild(guild_id: int):
    if guild_id not in ALLOWED_GUILDS:
        return None
    client = _clients.get(guild_id)
    if client is None:
        client = chromadb.HttpClient(
            host=os.environ.get("CHROMA_HOST", "chroma"),
            port=8000,
            tenant=f"guild-{guild_id}",
            database="helpdesk",
        )
        _clients[guild_id] = client
    return client
