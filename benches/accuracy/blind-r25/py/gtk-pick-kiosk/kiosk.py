#!/usr/bin/env python3
"""Warehouse pick kiosk (GTK 4): shows open pick tasks for one zone."""

import os
import sys

import gi

gi.require_version("Gtk", "4.0")
from gi.repository import GLib, Gtk  # noqa: E402

import clients  # noqa: E402

ZONE = os.environ.get("PICK_ZONE", "A")
STATION = os.environ.get("STATION_ID", "pick-01")


class PickKiosk(Gtk.Application):
    def __init__(self):
        super().__init__(application_id="com.example.PickKiosk")
        self.backends = None
        self.window = None
        self.tasks = {}

    def do_startup(self):
        Gtk.Application.do_startup(self)
        self.backends = clients.make_clients()

    def do_activate(self):
        # May run again when the launcher re-activates the running instance.
        if self.window is None:
            self.window = self._build_window()
            GLib.timeout_add_seconds(20, self.on_tick)
        self.refresh()
        self.window.present()

    def do_shutdown(self):
        if self.backends is not None:
            self.backends.close()
        Gtk.Application.do_shutdown(self)

    def _build_window(self):
        win = Gtk.ApplicationWindow(application=self, title=f"Picks - zone {ZONE}")
        win.set_default_size(800, 1200)
        box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=8)
        self.status = Gtk.Label(label="Loading...")
        self.list = Gtk.ListBox()
        self.list.set_selection_mode(Gtk.SelectionMode.SINGLE)
        refresh = Gtk.Button(label="Refresh")
        refresh.connect("clicked", self.on_refresh_clicked)
        picked = Gtk.Button(label="Picked + print label")
        picked.connect("clicked", self.on_picked_clicked)
        for widget in (self.status, self.list, refresh, picked):
            box.append(widget)
        win.set_child(box)
        return win

    def refresh(self):
        rows = clients.open_picks(self.backends.pool, ZONE)
        self.list.remove_all()
        self.tasks = {}
        for task_id, order_no, sku, bin_, qty in rows:
            row = Gtk.ListBoxRow()
            row.set_child(Gtk.Label(label=f"{bin_:<8} {sku:<14} x{qty}   ({order_no})", xalign=0))
            self.tasks[row] = task_id
            self.list.append(row)
        self.status.set_text(f"{len(rows)} open picks")

    def on_tick(self):
        self.refresh()
        return GLib.SOURCE_CONTINUE

    def on_refresh_clicked(self, _button):
        self.refresh()

    def on_picked_clicked(self, _button):
        row = self.list.get_selected_row()
        if row is None:
            self.status.set_text("Select a pick first")
            return
        task_id = self.tasks[row]
        clients.complete_pick(self.backends.pool, task_id, STATION)
        resp = self.backends.printer.post(
            f"{self.backends.printer_url}/labels", json={"task_id": task_id}, timeout=5
        )
        if not resp.ok:
            self.status.set_text(f"Label printer error {resp.status_code}")
        self.refresh()


if __name__ == "__main__":
    sys.exit(PickKiosk().run(sys.argv))
