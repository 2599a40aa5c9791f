import logging
import time

import dearpygui.dearpygui as dpg

from backend import connect
from callbacks import lookup_order, refresh_backlog, resend_shipment

REFRESH_EVERY = 10.0


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    backend = connect()

    dpg.create_context()
    with dpg.window(label="Ops console", tag="main"):
        dpg.add_input_text(label="Order id", tag="order_id")
        with dpg.group(horizontal=True):
            dpg.add_button(label="Look up", callback=lookup_order, user_data=backend)
            dpg.add_button(label="Resend shipment", callback=resend_shipment, user_data=backend)
        dpg.add_text("", tag="order_details")
        dpg.add_separator()
        dpg.add_text("Last 24h", color=(180, 180, 180))
        dpg.add_text("", tag="backlog")

    dpg.create_viewport(title="Ops console", width=720, height=480)
    dpg.setup_dearpygui()
    dpg.show_viewport()
    dpg.set_primary_window("main", True)

    last_refresh = 0.0
    try:
        while dpg.is_dearpygui_running():
            now = time.monotonic()
            if now - last_refresh > REFRESH_EVERY:
                refresh_backlog(backend)
                last_refresh = now
            dpg.render_dearpygui_frame()
    finally:
        dpg.destroy_context()
        backend.close()


if __name__ == "__main__":
    main()
