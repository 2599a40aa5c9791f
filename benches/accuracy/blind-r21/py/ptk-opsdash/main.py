"""opsdash: full-screen prompt_toolkit dashboard, auto-refreshing every 30 seconds."""
from __future__ import annotations

import asyncio
import logging

from prompt_toolkit import Application
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from clients import make_clickhouse, make_status_api
from dashboard import Dashboard, make_bindings

REFRESH_SECONDS = 30


async def _auto_refresh(app: Application, dash: Dashboard) -> None:
    while True:
        await asyncio.to_thread(dash.refresh)
        app.invalidate()
        await asyncio.sleep(REFRESH_SECONDS)


async def amain() -> None:
    ch = make_clickhouse()
    status_api = make_status_api()
    try:
        dash = Dashboard(ch, status_api)
        body = Window(content=FormattedTextControl(text=dash.render), wrap_lines=False)
        app: Application = Application(
            layout=Layout(HSplit([body])),
            key_bindings=make_bindings(dash),
            full_screen=True,
            mouse_support=False,
        )
        ticker = asyncio.create_task(_auto_refresh(app, dash))
        try:
            await app.run_async()
        finally:
            ticker.cancel()
    finally:
        status_api.close()
        ch.close()


def run() -> None:
    logging.basicConfig(filename="opsdash.log", level=logging.INFO)
    asyncio.run(amain())


if __name__ == "__main__":
    run()
