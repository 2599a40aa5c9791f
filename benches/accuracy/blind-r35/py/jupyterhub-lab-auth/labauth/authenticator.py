import asyncio

import httpx
from jupyterhub.auth import Authenticator
from psycopg_pool import ConnectionPool
from traitlets import Integer, Unicode


class LabDirectoryAuthenticator(Authenticator):
    """Checks credentials against the lab directory service and records logins."""

    directory_url = Unicode("https://directory.lab.example.org", config=True)
    directory_token = Unicode("", config=True)
    db_dsn = Unicode("postgresql://hub@hub-db/hub_audit", config=True)
    db_pool_size = Integer(4, config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._http = httpx.AsyncClient(
            base_url=self.directory_url,
            headers={"Authorization": f"Bearer {self.directory_token}"},
            timeout=10.0,
        )
        self._pool = ConnectionPool(
            self.db_dsn,
            min_size=1,
            max_size=self.db_pool_size,
            kwargs={"application_name": "jupyterhub-auth"},
            open=True,
        )

    def _record_login(self, username: str, groups: list[str]) -> None:
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO logins (username, groups, at) VALUES (%s, %s, now())",
                (username, groups),
            )

    def _quota_for(self, username: str) -> tuple[float, str]:
        with self._pool.connection() as conn:
            row = conn.execute(
                "SELECT cpu_limit, mem_limit FROM quotas WHERE username = %s", (username,)
            ).fetchone()
        return row if row else (2.0, "4G")

    async def authenticate(self, handler, data):
        resp = await self._http.post(
            "/v1/verify", json={"username": data["username"], "password": data["password"]}
        )
        if resp.status_code != 200:
            self.log.warning("directory rejected %s", data["username"])
            return None
        info = resp.json()
        await asyncio.to_thread(self._record_login, info["uid"], info["groups"])
        return {
            "name": info["uid"],
            "admin": "lab-admins" in info["groups"],
            "groups": info["groups"],
            "auth_state": {"groups": info["groups"], "gid": info["gid"]},
        }

    async def pre_spawn_start(self, user, spawner):
        cpu, mem = await asyncio.to_thread(self._quota_for, user.name)
        spawner.cpu_limit = cpu
        spawner.mem_limit = mem
        auth_state = await user.get_auth_state() or {}
        spawner.environment["LAB_GID"] = str(auth_state.get("gid", ""))
