import logging
import os
import signal
import threading

import canopen

from .clients import make_pool, make_redis
from .recorder import Recorder

NODE_IDS = [int(n) for n in os.environ.get("DRIVE_NODE_IDS", "6,7,8").split(",")]
EDS_FILE = os.environ.get("DRIVE_EDS", "/etc/drive-telemetry/conveyor_drive.eds")


def main():
    logging.basicConfig(level=logging.INFO)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    pool = make_pool()
    cache = make_redis()
    recorder = Recorder(pool, cache)

    network = canopen.Network()
    network.connect(interface="socketcan", channel=os.environ.get("CAN_CHANNEL", "can0"), bitrate=500000)
    try:
        for node_id in NODE_IDS:
            node = network.add_node(node_id, EDS_FILE)
            node.tpdo.read()
            node.tpdo[1].add_callback(recorder.on_tpdo1)
            node.tpdo[2].add_callback(recorder.on_tpdo2)
            node.emcy.add_callback(recorder.on_emcy(node_id))
            node.nmt.state = "OPERATIONAL"
        network.sync.start(0.1)
        stop.wait()
    finally:
        network.sync.stop()
        network.disconnect()
        pool.close()
        cache.close()


if __name__ == "__main__":
    main()
