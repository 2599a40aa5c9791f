import httpx


class TenantApis:
    """One httpx.AsyncClient per customer domain, created on first use and kept for the process."""

    def __init__(self, token: str):
        self._token = token
        self._clients: dict[str, httpx.AsyncClient] = {}

    def for_domain(self, domain: str) -> httpx.AsyncClient:
        client = self._clients.get(domain)
        if client is None:
            client = httpx.AsyncClient(
                base_url=f"https://{domain}/helpdesk/api",
                headers={"Authorization": f"Bearer {self._token}"},
                timeout=10.0,
            )
            self._clients[domain] = client
        return client

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()
