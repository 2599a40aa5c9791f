"""
<plugin key="SolarBridge" name="Solar inverter bridge" author="ops@homelab" version="1.4.0">
    <description>
        Polls the inverter's local HTTP API, stores readings in MySQL and lets you toggle the export limit.
    </description>
    <params>
        <param field="Address" label="Inverter IP" width="200px" required="true" default="192.168.1.60"/>
        <param field="Mode1" label="Readings DB URL" width="400px" required="true"
               default="mysql+pymysql://solar:solar@127.0.0.1/solar"/>
        <param field="Mode2" label="Audit DB host" width="200px" default="127.0.0.1"/>
        <param field="Username" label="Audit DB user" width="150px" default="domoticz"/>
        <param field="Password" label="Audit DB password" width="150px" password="true"/>
        <param field="Mode3" label="Redis host" width="200px" default="127.0.0.1"/>
        <param field="Mode6" label="Debug" width="75px">
            <options>
                <option label="True" value="Debug"/>
                <option label="False" value="Normal" default="true"/>
            </options>
        </param>
    </params>
</plugin>
"""
import json

import Domoticz
import redis
import requests
from sqlalchemy.orm import Session

import store

UNIT_POWER = 1
UNIT_GRID = 2
UNIT_EXPORT_LIMIT = 3


class BasePlugin:
    def __init__(self):
        self.http = None
        self.base_url = None

    def onStart(self):
        if Parameters["Mode6"] == "Debug":
            Domoticz.Debugging(1)
        if UNIT_POWER not in Devices:
            Domoticz.Device(Name="Solar power", Unit=UNIT_POWER, TypeName="kWh", Used=1).Create()
        if UNIT_GRID not in Devices:
            Domoticz.Device(Name="Grid state", Unit=UNIT_GRID, TypeName="Text", Used=1).Create()
        if UNIT_EXPORT_LIMIT not in Devices:
            Domoticz.Device(Name="Export limit", Unit=UNIT_EXPORT_LIMIT, TypeName="Switch", Used=1).Create()

        self.base_url = "http://%s/api/v1" % Parameters["Address"]
        self.http = requests.Session()
        self.http.headers["Accept"] = "application/json"
        store.init(Parameters["Mode1"])
        Domoticz.Heartbeat(30)

    def onStop(self):
        if self.http is not None:
            self.http.close()
        store.shutdown()

    def onHeartbeat(self):
        try:
            data = self.http.get(self.base_url + "/livedata", timeout=5).json()
        except requests.RequestException as exc:
            Domoticz.Error("inverter unreachable: %s" % exc)
            return

        power = float(data["ac_power_w"])
        energy = float(data["energy_today_wh"])
        grid = data.get("grid_state", "unknown")
        Devices[UNIT_POWER].Update(nValue=0, sValue="%.0f;%.0f" % (power, energy))
        Devices[UNIT_GRID].Update(nValue=0, sValue=grid)

        db = Session(store.engine)
        db.add(store.new_reading(power, energy, grid))
        db.commit()

    def onCommand(self, Unit, Command, Level, Hue):
        if Unit != UNIT_EXPORT_LIMIT:
            return
        enabled = Command == "On"
        resp = self.http.put(
            self.base_url + "/settings/export_limit",
            json={"enabled": enabled, "limit_w": 0 if enabled else None},
            timeout=5,
        )
        if resp.status_code != 200:
            Domoticz.Error("inverter refused export limit change: %s" % resp.text)
            return
        Devices[UNIT_EXPORT_LIMIT].Update(nValue=1 if enabled else 0, sValue=Command)

        audit = store.audit_connection(Parameters["Mode2"], Parameters["Username"], Parameters["Password"])
        try:
            with audit.cursor() as cur:
                cur.execute(
                    "INSERT INTO device_commands (device, command, level) VALUES (%s, %s, %s)",
                    ("solar_export_limit", Command, Level),
                )
        finally:
            audit.close()

        bus = redis.Redis(host=Parameters["Mode3"], port=6379, db=0)
        bus.publish("homelab.solar", json.dumps({"export_limit": enabled}))


global _plugin
_plugin = BasePlugin()


def onStart():
    global _plugin
    _plugin.onStart()


def onStop():
    global _plugin
    _plugin.onStop()


def onHeartbeat():
    global _plugin
    _plugin.onHeartbeat()


def onCommand(Unit, Command, Level, Hue):
    global _plugin
    _plugin.onCommand(Unit, Command, Level, Hue)
