"""WebRTC gateway for warehouse robots.

Each robot negotiates a peer connection through POST /offer (video track +
a "telemetry" data channel). The gateway keeps the peer connections open for
the whole shift; robots push a data-channel message every few hundred ms.
"""
import asyncio
import logging
import os

from aiohttp import web
from aiortc import RTCPeerConnection, RTCSessionDescription

from channel_handlers import TelemetryChannel
from storage import close_pool, open_pool

log = logging.getLogger("rtc-gateway")
pcs: set[RTCPeerConnection] = set()


async def offer(request: web.Request) -> web.Response:
    params = await request.json()
    robot_id = params.get("robot_id")
    if not robot_id:
        raise web.HTTPBadRequest(text="robot_id required")
    remote = RTCSessionDescription(sdp=params["sdp"], type=params["type"])

    pc = RTCPeerConnection()
    pcs.add(pc)
    pool = request.app["pool"]

    @pc.on("datachannel")
    def on_datachannel(channel):
        log.info("robot %s opened channel %s", robot_id, channel.label)
        if channel.label == "telemetry":
            handler = TelemetryChannel(robot_id, channel, pool)
            channel.on("message", handler.on_message)

    @pc.on("connectionstatechange")
    async def on_connectionstatechange():
        log.info("robot %s connection %s", robot_id, pc.connectionState)
        if pc.connectionState in ("failed", "closed"):
            await pc.close()
            pcs.discard(pc)

    await pc.setRemoteDescription(remote)
    answer = await pc.createAnswer()
    await pc.setLocalDescription(answer)
    return web.json_response(
        {"sdp": pc.localDescription.sdp, "type": pc.localDescription.type}
    )


async def on_startup(app: web.Application) -> None:
    app["pool"] = await open_pool()


async def on_shutdown(app: web.Application) -> None:
    await asyncio.gather(*(pc.close() for pc in pcs))
    pcs.clear()
    await close_pool(app["pool"])


def build_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/offer", offer)
    app.on_startup.append(on_startup)
    app.on_shutdown.append(on_shutdown)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
