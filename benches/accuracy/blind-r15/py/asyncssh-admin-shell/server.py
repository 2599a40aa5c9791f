"""Operator SSH shell: `ssh -p 8022 ops@admin.internal` then `tenants`, `suspend <slug>`, `flush <slug>`."""
import asyncio
import functools
import logging
import os

import asyncpg
import asyncssh
import bcrypt
import redis.asyncio as aioredis

from commands import run_command

log = logging.getLogger("admin-shell")


class AdminServer(asyncssh.SSHServer):
    """asyncssh creates one of these per incoming connection; it only holds a reference to the pool."""

    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool
        self.peer = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.peer = conn.get_extra_info("peername")[0]
        log.info("connection from %s", self.peer)

    def connection_lost(self, exc) -> None:
        log.info("connection from %s closed", self.peer)

    def begin_auth(self, username: str) -> bool:
        return True

    def password_auth_supported(self) -> bool:
        return True

    async def validate_password(self, username: str, password: str) -> bool:
        async with self.pool.acquire() as conn:
            hashed = await conn.fetchval(
                "SELECT password_hash FROM operators WHERE username = $1 AND active", username
            )
        return bool(hashed) and bcrypt.checkpw(password.encode(), hashed.encode())


async def handle_session(pool, cache, process: asyncssh.SSHServerProcess) -> None:
    user = process.get_extra_info("username")
    process.stdout.write(f"admin shell — logged in as {user}\n> ")
    try:
        async for line in process.stdin:
            line = line.strip()
            if line in ("exit", "quit"):
                break
            if line:
                output = await run_command(pool, cache, user, line)
                process.stdout.write(output + "\n")
            process.stdout.write("> ")
    except asyncssh.BreakReceived:
        pass
    process.exit(0)


async def connect_pool() -> asyncpg.Pool:
    dsn = os.environ["ADMIN_DB_DSN"]
    for attempt in range(1, 11):
        try:
            return await asyncpg.create_pool(dsn, min_size=1, max_size=5)
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            log.warning("database not ready (attempt %d): %s", attempt, exc)
            await asyncio.sleep(min(2 * attempt, 15))
    raise SystemExit("database unavailable, giving up")


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_pool()
    cache = aioredis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))

    server = await asyncssh.create_server(
        lambda: AdminServer(pool),
        "",
        int(os.environ.get("SSH_PORT", "8022")),
        server_host_keys=[os.environ.get("HOST_KEY", "/etc/admin-shell/ssh_host_ed25519_key")],
        process_factory=functools.partial(handle_session, pool, cache),
    )
    try:
        await server.wait_closed()
    finally:
        await cache.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
