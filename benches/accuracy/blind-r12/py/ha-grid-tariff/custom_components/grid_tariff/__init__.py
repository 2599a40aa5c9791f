"""Grid Tariff integration: live electricity prices plus a price-history archive."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import asyncpg
import voluptuous as vol
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .const import CONF_API_KEY, CONF_AREA, CONF_DB_URL, DOMAIN, TARIFF_API
from .coordinator import TariffCoordinator

PLATFORMS = [Platform.SENSOR]

EXPORT_SCHEMA = vol.Schema({vol.Optional("hours", default=24): cv.positive_int})
PURGE_SCHEMA = vol.Schema({vol.Required("older_than_days"): cv.positive_int})


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    coordinator = TariffCoordinator(hass, entry)
    await coordinator.async_config_entry_first_refresh()

    # One archive pool per config entry, closed in async_unload_entry.
    archive = await asyncpg.create_pool(entry.data[CONF_DB_URL], min_size=1, max_size=3)

    hass.data.setdefault(DOMAIN, {})[entry.entry_id] = {
        "coordinator": coordinator,
        "archive": archive,
    }

    async def handle_export_history(call: ServiceCall) -> None:
        """Copy the last N hours of prices from the API into the history DB."""
        hours = call.data["hours"]
        session = async_get_clientsession(hass)
        async with session.get(
            f"{TARIFF_API}/areas/{entry.data[CONF_AREA]}/prices",
            params={"hours": hours},
            headers={"X-Api-Key": entry.data[CONF_API_KEY]},
        ) as resp:
            resp.raise_for_status()
            prices = await resp.json()
        conn = await asyncpg.connect(entry.data[CONF_DB_URL])
        try:
            await conn.executemany(
                "INSERT INTO tariff_history (area, ts, price_kwh) VALUES ($1, $2, $3) "
                "ON CONFLICT (area, ts) DO NOTHING",
                [(entry.data[CONF_AREA], datetime.fromisoformat(p["ts"]), p["price_kwh"]) for p in prices],
            )
        finally:
            await conn.close()

    async def handle_purge_history(call: ServiceCall) -> None:
        """Delete archived prices older than the given number of days."""
        cutoff = datetime.now(timezone.utc) - timedelta(days=call.data["older_than_days"])
        conn = await archive.acquire()
        deleted = await conn.execute("DELETE FROM tariff_history WHERE ts < $1", cutoff)
        hass.bus.async_fire(f"{DOMAIN}_purged", {"result": deleted})
        await archive.release(conn)

    hass.services.async_register(DOMAIN, "export_history", handle_export_history, schema=EXPORT_SCHEMA)
    hass.services.async_register(DOMAIN, "purge_history", handle_purge_history, schema=PURGE_SCHEMA)

    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        data = hass.data[DOMAIN].pop(entry.entry_id)
        await data["archive"].close()
        hass.services.async_remove(DOMAIN, "export_history")
        hass.services.async_remove(DOMAIN, "purge_history")
    return unloaded
