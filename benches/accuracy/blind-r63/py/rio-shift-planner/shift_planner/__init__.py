import rio

from .components.shift_board import ShiftBoard
from .holidays import close_holiday_client
from .store import Store

# Built once when the module is imported by `rio run` / the ASGI server;
# every browser session gets the same Store instance as an attachment.
store = Store.from_env()


async def _on_app_close(app: rio.App) -> None:
    await close_holiday_client()
    store.dispose()


app = rio.App(
    name="Shift Planner",
    build=ShiftBoard,
    default_attachments=[store],
    on_app_close=_on_app_close,
)
