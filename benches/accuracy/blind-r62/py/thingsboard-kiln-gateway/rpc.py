"""Server-side RPC commands sent from the ThingsBoard dashboard widgets.

The tb-mqtt-client invokes the registered handler from its MQTT network thread,
once for every RPC request the platform pushes to this device.
"""
import logging
import os

import requests

import recipes
import telemetry_log

log = logging.getLogger("kiln.rpc")

RECIPE_HUB = os.environ.get("RECIPE_HUB_URL", "https://recipes.claystudio.example/api")


def make_handler(client, kiln, state):
    def on_rpc(request_id, request_body):
        method = request_body.get("method")
        params = request_body.get("params") or {}
        log.info("rpc %s %s", request_id, method)

        if method == "getState":
            client.send_rpc_reply(request_id, {
                "temperature": kiln.temperature(),
                "setpoint": kiln.setpoint(),
                "firing": state.get("firing_id"),
            })
        elif method == "importRecipe":
            hub = requests.Session()
            hub.headers["Authorization"] = f"Bearer {os.environ['RECIPE_HUB_TOKEN']}"
            resp = hub.get(f"{RECIPE_HUB}/recipes/{params['slug']}", timeout=10)
            resp.raise_for_status()
            recipe = resp.json()
            recipes.save(recipe["name"], recipe["segments"])
            client.send_rpc_reply(request_id, {"imported": recipe["name"]})
        elif method == "startFiring":
            segments = recipes.load(params["recipe"])
            if not segments:
                client.send_rpc_reply(request_id, {"error": "unknown recipe"})
                return
            state["segments"] = segments
            state["firing_id"] = telemetry_log.open_firing(params["recipe"])
            kiln.set_setpoint(segments[0]["target_c"])
            kiln.run(True)
            client.send_rpc_reply(request_id, {"firing": state["firing_id"]})
        elif method == "stopFiring":
            kiln.run(False)
            state.pop("firing_id", None)
            client.send_rpc_reply(request_id, {"stopped": True})
        else:
            client.send_rpc_reply(request_id, {"error": f"unsupported method {method}"})

    return on_rpc
