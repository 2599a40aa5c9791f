"""Indigo plugin: polls local inverter APIs every minute and logs readings to Postgres."""
import httpx
import indigo  # provided by the Indigo server process
from sqlalchemy import create_engine, text

POLL_SECONDS = 60


class Plugin(indigo.PluginBase):
    def __init__(self, plugin_id, plugin_display_name, plugin_version, plugin_prefs, **kwargs):
        super().__init__(plugin_id, plugin_display_name, plugin_version, plugin_prefs, **kwargs)
        self.engine = None
        self.inverters: dict[int, httpx.Client] = {}

    def startup(self):
        dsn = self.pluginPrefs.get("dsn", "postgresql+psycopg2://indigo@nas.local/energy")
        self.engine = create_engine(dsn, pool_size=2, max_overflow=0, pool_pre_ping=True)

    def shutdown(self):
        for client in self.inverters.values():
            client.close()
        self.inverters.clear()
        if self.engine is not None:
            self.engine.dispose()

    # Indigo calls these once when a device is enabled / disabled or its config is edited.
    def deviceStartComm(self, dev):
        old = self.inverters.pop(dev.id, None)
        if old is not None:
            old.close()
        self.inverters[dev.id] = httpx.Client(
            base_url=f"http://{dev.pluginProps['address']}",
            headers={"X-Api-Key": dev.pluginProps.get("apiKey", "")},
            timeout=5.0,
        )

    def deviceStopComm(self, dev):
        client = self.inverters.pop(dev.id, None)
        if client is not None:
            client.close()

    def poll(self, dev):
        client = self.inverters.get(dev.id)
        if client is None:
            return
        try:
            data = client.get("/api/v1/realtime").json()
        except httpx.HTTPError as exc:
            self.logger.warning(f"{dev.name}: {exc}")
            dev.setErrorStateOnServer("unreachable")
            return
        dev.updateStatesOnServer([
            {"key": "powerW", "value": data["ac_power"]},
            {"key": "energyTodayKWh", "value": data["energy_today"]},
        ])
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO inverter_readings (device_id, at, power_w, energy_kwh) "
                     "VALUES (:id, now(), :p, :e)"),
                {"id": dev.id, "p": data["ac_power"], "e": data["energy_today"]},
            )

    def runConcurrentThread(self):
        try:
            while True:
                for dev in indigo.devices.iter("self"):
                    if dev.enabled:
                        self.poll(dev)
                self.sleep(POLL_SECONDS)
        except self.StopThread:
            pass
