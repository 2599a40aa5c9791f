"""Authorisation decisions: role grants cached in Redis (client is passed in)."""
from __future__ import annotations

from dataclasses import dataclass

import redis.asyncio as aioredis
from opentelemetry import trace

tracer = trace.get_tracer("authz.policy")

ROLE_PERMISSIONS = {
    "viewer": {"doc:read"},
    "editor": {"doc:read", "doc:write"},
    "owner": {"doc:read", "doc:write", "doc:share", "doc:delete"},
}


@dataclass
class Decision:
    allowed: bool
    role: str | None
    reason: str


async def check(cache: aioredis.Redis, subject: str, resource: str, permission: str) -> Decision:
    with tracer.start_as_current_span("authz.check") as span:
        span.set_attribute("authz.subject", subject)
        span.set_attribute("authz.resource", resource)
        span.set_attribute("authz.permission", permission)

        role = await cache.hget(f"grants:{resource}", subject)
        if role is None:
            group_roles = await cache.hgetall(f"group-grants:{resource}")
            memberships = await cache.smembers(f"groups:{subject}")
            candidates = [r for g, r in group_roles.items() if g in memberships]
            role = max(candidates, key=lambda r: len(ROLE_PERMISSIONS.get(r, ())), default=None)

        allowed = role is not None and permission in ROLE_PERMISSIONS.get(role, set())
        decision = Decision(allowed, role, "granted" if allowed else "no matching grant")
        span.set_attribute("authz.allowed", allowed)
        span.set_attribute("authz.role", role or "")
        return decision
