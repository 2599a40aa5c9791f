from typing import Any

import httpx
from dify_plugin import ToolProvider
from dify_plugin.errors.tool import ToolProviderCredentialValidationError

from tools.client import client_for


class HelpdeskProvider(ToolProvider):
    def _validate_credentials(self, credentials: dict[str, Any]) -> None:
        try:
            resp = client_for(credentials["base_url"], credentials["api_key"]).get("/api/v1/me")
        except httpx.HTTPError as exc:
            raise ToolProviderCredentialValidationError(f"helpdesk unreachable: {exc}") from exc
        if resp.status_code in (401, 403):
            raise ToolProviderCredentialValidationError("invalid API key")
        resp.raise_for_status()
