"""Polls the tariff API for the current and next-hour price."""
from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .const import CONF_API_KEY, CONF_AREA, DOMAIN, TARIFF_API, UPDATE_MINUTES

_LOGGER = logging.getLogger(__name__)


class TariffCoordinator(DataUpdateCoordinator[dict]):
    """Fetch prices every few minutes for one configured price area."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        super().__init__(
            hass,
            _LOGGER,
            name=f"{DOMAIN}_{entry.data[CONF_AREA]}",
            update_interval=timedelta(minutes=UPDATE_MINUTES),
        )
        self.entry = entry

    async def _async_update_data(self) -> dict:
        area = self.entry.data[CONF_AREA]
        headers = {"X-Api-Key": self.entry.data[CONF_API_KEY]}
        try:
            async with aiohttp.ClientSession(headers=headers) as session:
                async with session.get(f"{TARIFF_API}/areas/{area}/prices/current") as resp:
                    resp.raise_for_status()
                    current = await resp.json()
                async with session.get(f"{TARIFF_API}/areas/{area}/prices/next") as resp:
                    resp.raise_for_status()
                    upcoming = await resp.json()
        except aiohttp.ClientError as err:
            raise UpdateFailed(f"tariff API error: {err}") from err
        return {
            "price": current["price_kwh"],
            "currency": current["currency"],
            "next_price": upcoming["price_kwh"],
            "valid_until": current["valid_until"],
        }
