"""HTTP/3 (QUIC) edge server for courier scanners.

Handhelds on flaky LTE keep one QUIC connection open and multiplex many
requests over it; every request arrives as H3 events on its own stream.
"""
import argparse
import asyncio
import functools
import json
import logging
from dataclasses import dataclass, field

from aioquic.asyncio import serve
from aioquic.asyncio.protocol import QuicConnectionProtocol
from aioquic.h3.connection import H3_ALPN, H3Connection
from aioquic.h3.events import DataReceived, H3Event, HeadersReceived
from aioquic.quic.configuration import QuicConfiguration
from aioquic.quic.events import ProtocolNegotiated, QuicEvent

from clients import create_db_pool
from routes import dispatch

log = logging.getLogger("parcel-edge")


@dataclass
class PendingRequest:
    method: str
    path: str
    headers: dict
    body: bytearray = field(default_factory=bytearray)


class EdgeProtocol(QuicConnectionProtocol):
    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self._pool = pool
        self._http: H3Connection | None = None
        self._pending: dict[int, PendingRequest] = {}

    def quic_event_received(self, event: QuicEvent) -> None:
        if isinstance(event, ProtocolNegotiated) and event.alpn_protocol in H3_ALPN:
            self._http = H3Connection(self._quic)
        if self._http is not None:
            for h3_event in self._http.handle_event(event):
                self._h3_event_received(h3_event)

    def _h3_event_received(self, event: H3Event) -> None:
        if isinstance(event, HeadersReceived):
            headers = {k.decode(): v.decode() for k, v in event.headers}
            self._pending[event.stream_id] = PendingRequest(
                method=headers.get(":method", "GET"),
                path=headers.get(":path", "/"),
                headers=headers,
            )
            if event.stream_ended:
                self._start(event.stream_id)
        elif isinstance(event, DataReceived):
            req = self._pending.get(event.stream_id)
            if req is not None:
                req.body.extend(event.data)
                if event.stream_ended:
                    self._start(event.stream_id)

    def _start(self, stream_id: int) -> None:
        req = self._pending.pop(stream_id)
        asyncio.ensure_future(self._respond(stream_id, req))

    async def _respond(self, stream_id: int, req: PendingRequest) -> None:
        try:
            status, payload = await dispatch(self._pool, req)
        except Exception:
            log.exception("%s %s failed", req.method, req.path)
            status, payload = 500, {"error": "internal"}
        body = json.dumps(payload).encode()
        self._http.send_headers(
            stream_id=stream_id,
            headers=[
                (b":status", str(status).encode()),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        )
        self._http.send_data(stream_id=stream_id, data=body, end_stream=True)
        self.transmit()


async def main(args: argparse.Namespace) -> None:
    configuration = QuicConfiguration(alpn_protocols=H3_ALPN, is_client=False, idle_timeout=120.0)
    configuration.load_cert_chain(args.certificate, args.private_key)

    pool = await create_db_pool()
    try:
        await serve(
            args.host,
            args.port,
            configuration=configuration,
            create_protocol=functools.partial(EdgeProtocol, pool=pool),
        )
        log.info("HTTP/3 edge listening on %s:%d", args.host, args.port)
        await asyncio.Future()
    finally:
        await pool.close()


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="::")
    parser.add_argument("--port", type=int, default=4433)
    parser.add_argument("--certificate", required=True)
    parser.add_argument("--private-key", required=True)
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main(parser.parse_args()))


if __name__ == "__main__":
    run()
