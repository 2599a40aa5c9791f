from __future__ import annotations

import os
from typing import TYPE_CHECKING

import redis
from astroid import nodes
from pylint.checkers import BaseChecker

from acme_lint.registry import REGISTRY_URL, fetch_retired_prefixes, registry_session

if TYPE_CHECKING:
    from pylint.lint import PyLinter

HTTP_FUNCS = {"get", "post", "put", "patch", "delete", "request"}


class RetiredEndpointChecker(BaseChecker):
    name = "acme-retired-endpoints"
    msgs = {
        "W9501": (
            "Call to retired service endpoint %s",
            "acme-retired-endpoint",
            "The service registry marks this endpoint as retired; migrate to its replacement.",
        ),
        "W9502": (
            "Import of internal module %s is banned (%s)",
            "acme-banned-import",
            "The platform team has banned this module; see the registry note.",
        ),
    }

    def __init__(self, linter: PyLinter) -> None:
        super().__init__(linter)
        self._retired: set[str] = set()

    def open(self) -> None:
        # once per pylint run, before any module is checked
        self._retired = fetch_retired_prefixes()

    def visit_call(self, node: nodes.Call) -> None:
        func = node.func
        if not isinstance(func, nodes.Attribute) or func.attrname not in HTTP_FUNCS:
            return
        if not node.args or not isinstance(node.args[0], nodes.Const):
            return
        url = node.args[0].value
        if not isinstance(url, str):
            return
        if any(url.startswith(p) for p in self._retired):
            self.add_message("acme-retired-endpoint", node=node, args=(url,))
            return
        if "/v1/" in url:
            # not in the snapshot: ask the registry about this exact path
            session = registry_session()
            resp = session.get(f"{REGISTRY_URL}/v1/lookup", params={"url": url}, timeout=5)
            if resp.ok and resp.json().get("state") == "retired":
                self._retired.add(url)
                self.add_message("acme-retired-endpoint", node=node, args=(url,))

    def visit_importfrom(self, node: nodes.ImportFrom) -> None:
        if not (node.modname or "").startswith("acme."):
            return
        bans = redis.Redis.from_url(os.environ.get("ACME_LINT_REDIS", "redis://localhost:6379/4"))
        reason = bans.hget("acme-lint:banned-imports", node.modname)
        if reason:
            self.add_message(
                "acme-banned-import", node=node, args=(node.modname, reason.decode())
            )


def register(linter: PyLinter) -> None:
    linter.register_checker(RetiredEndpointChecker(linter))
