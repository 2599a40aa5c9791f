"""LiteLLM proxy callbacks: enforce monthly team budgets and book every call's cost.

Loaded by the proxy via `litellm_settings.callbacks: custom_callbacks.proxy_handler_instance`.
"""
import logging
import os
from typing import Literal

import aiohttp
from fastapi import HTTPException
from litellm.integrations.custom_logger import CustomLogger
from litellm.proxy.proxy_server import DualCache, UserAPIKeyAuth

from budget_store import get_redis, insert_spend, month_key, team_budget

log = logging.getLogger("spendguard")

ALERT_WEBHOOK = os.environ.get("SPENDGUARD_ALERT_WEBHOOK", "")


class SpendGuard(CustomLogger):
    async def async_pre_call_hook(
        self,
        user_api_key_dict: UserAPIKeyAuth,
        cache: DualCache,
        data: dict,
        call_type: Literal[
            "completion",
            "text_completion",
            "embeddings",
            "image_generation",
            "moderation",
            "audio_transcription",
        ],
    ):
        team_id = user_api_key_dict.team_id
        if not team_id:
            return data

        counters = get_redis()
        spent = float(await counters.get(month_key(team_id)) or 0.0)
        budget = await team_budget(team_id)
        if budget is not None and spent >= float(budget):
            raise HTTPException(
                status_code=429,
                detail=f"team {team_id} has used its monthly budget ({spent:.2f} USD)",
            )
        data.setdefault("metadata", {})["spendguard_spent"] = spent
        return data

    async def async_log_success_event(self, kwargs, response_obj, start_time, end_time):
        metadata = (kwargs.get("litellm_params") or {}).get("metadata") or {}
        team_id = metadata.get("user_api_key_team_id") or "unassigned"
        cost = kwargs.get("response_cost") or 0.0
        usage = getattr(response_obj, "usage", None)

        await insert_spend(
            call_id=kwargs.get("litellm_call_id"),
            team_id=team_id,
            model=kwargs.get("model"),
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            cost=cost,
        )
        counters = get_redis()
        try:
            await counters.incrbyfloat(month_key(team_id), cost)
        finally:
            await counters.aclose()

    async def async_log_failure_event(self, kwargs, response_obj, start_time, end_time):
        if not ALERT_WEBHOOK:
            return
        exc = kwargs.get("exception")
        metadata = (kwargs.get("litellm_params") or {}).get("metadata") or {}
        payload = {
            "text": (
                f":warning: LLM call failed for team {metadata.get('user_api_key_team_id')}"
                f" on {kwargs.get('model')}: {type(exc).__name__}: {exc}"
            )
        }
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
            try:
                async with http.post(ALERT_WEBHOOK, json=payload) as resp:
                    if resp.status >= 400:
                        log.warning("alert webhook returned %s", resp.status)
            except aiohttp.ClientError as err:
                log.warning("alert webhook failed: %s", err)


proxy_handler_instance = SpendGuard()
