import os

import aiohttp

STORAGE_URL = os.environ.get("RECORDING_STORE_URL", "http://recordings.internal:9000")
STORAGE_TOKEN = os.environ.get("RECORDING_STORE_TOKEN", "")


class RecordingUploader:
    """Pushes a finished MixMonitor recording to the recording store."""

    def __init__(self, uniqueid: str):
        self.uniqueid = uniqueid
        self.session = aiohttp.ClientSession(
            base_url=STORAGE_URL,
            headers={"Authorization": f"Bearer {STORAGE_TOKEN}"},
            timeout=aiohttp.ClientTimeout(total=120),
        )

    async def upload(self, path: str) -> str:
        with open(path, "rb") as fh:
            async with self.session.put(
                f"/recordings/{self.uniqueid}.wav",
                data=fh,
                headers={"Content-Type": "audio/wav"},
            ) as resp:
                resp.raise_for_status()
                location = resp.headers.get("Location", "")
        await self.session.close()
        return location
