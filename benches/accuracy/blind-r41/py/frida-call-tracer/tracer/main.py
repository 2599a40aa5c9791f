"""Attach to an Android app over USB and stream every hooked call into our sinks.

    python -m tracer.main com.example.banking
"""
import logging
import pathlib
import sys
import uuid

import frida

from tracer import sinks

log = logging.getLogger("tracer")
AGENT = pathlib.Path(__file__).with_name("agent.js").read_text()


def make_handler(session_id: str):
    def on_message(message: dict, data: bytes | None) -> None:
        # Frida calls this on its own thread for every send() from the agent.
        if message["type"] == "error":
            log.error("agent error: %s", message.get("stack"))
            return
        payload = message["payload"]
        if payload["kind"] == "sql":
            sinks.record_sql(session_id, payload)
        elif payload["kind"] == "crypto":
            sinks.record_key(session_id, payload, data)

    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    package = sys.argv[1]
    device = frida.get_usb_device(timeout=10)
    pid = device.spawn([package])
    session = device.attach(pid)
    script = session.create_script(AGENT)
    session_id = uuid.uuid4().hex
    script.on("message", make_handler(session_id))
    script.load()
    device.resume(pid)
    log.info("tracing %s (pid %s) as session %s; Ctrl-D to stop", package, pid, session_id)
    try:
        sys.stdin.read()
    finally:
        script.unload()
        session.detach()


if __name__ == "__main__":
    main()
