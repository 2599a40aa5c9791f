"""Kiln gateway on the studio's Raspberry Pi (systemd unit kiln-gateway.service).

Publishes temperatures to ThingsBoard every 10 s and answers dashboard RPCs.
"""
import logging
import os
import time

from tb_device_mqtt import TBDeviceMqttClient

import rpc
import telemetry_log
from kiln import Kiln

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("kiln.gateway")


def main():
    kiln = Kiln()
    state = {}
    client = TBDeviceMqttClient(
        os.environ.get("TB_HOST", "thingsboard.claystudio.example"),
        port=1883,
        username=os.environ["TB_DEVICE_TOKEN"],
    )
    client.set_server_side_rpc_request_handler(rpc.make_handler(client, kiln, state))
    client.connect()

    try:
        while True:
            pv, sv = kiln.temperature(), kiln.setpoint()
            client.send_telemetry({"temperature": pv, "setpoint": sv})
            if state.get("firing_id"):
                telemetry_log.record(state["firing_id"], pv, sv)
            time.sleep(10)
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        client.disconnect()


if __name__ == "__main__":
    main()
