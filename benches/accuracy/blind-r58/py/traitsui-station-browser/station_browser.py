"""Desktop browser for the regional weather-station network (Traits / TraitsUI on Qt)."""

import os

import requests
from traits.api import Button, HasTraits, List, Str, Tuple, observe
from traitsui.api import HGroup, Item, ListStrEditor, TabularEditor, TextEditor, VGroup, View
from traitsui.tabular_adapter import TabularAdapter

import stations_db

META_API = os.environ.get("STATION_META_API", "https://meta.met.local/api/v1")
API_KEY = os.environ.get("STATION_META_KEY", "")


class ReadingAdapter(TabularAdapter):
    columns = [("Observed", 0), ("Temp (°C)", 1), ("Humidity (%)", 2), ("Wind (m/s)", 3)]


class StationBrowser(HasTraits):
    search_text = Str()
    matches = List(Str)
    selected_station = Str()
    readings = List(Tuple)
    flag_reason = Str()
    status = Str("Ready")

    refresh = Button("Refresh")
    flag = Button("Flag station")

    traits_view = View(
        VGroup(
            Item("search_text", label="Search",
                 editor=TextEditor(auto_set=True, enter_set=False)),
            Item("matches", show_label=False,
                 editor=ListStrEditor(selected="selected_station", editable=False)),
            Item("readings", show_label=False,
                 editor=TabularEditor(adapter=ReadingAdapter(), editable=False)),
            HGroup(Item("flag_reason", label="Reason"), Item("flag", show_label=False)),
            HGroup(Item("refresh", show_label=False),
                   Item("status", style="readonly", show_label=False)),
        ),
        title="Station browser",
        resizable=True,
        width=760,
        height=580,
    )

    @observe("search_text")
    def _search(self, event):
        text = event.new.strip()
        if len(text) < 2:
            self.matches = []
            return
        session = requests.Session()
        session.headers["X-Api-Key"] = API_KEY
        try:
            resp = session.get(f"{META_API}/stations", params={"q": text, "limit": 25}, timeout=3)
            resp.raise_for_status()
        except requests.RequestException as exc:
            self.status = f"Search failed: {exc}"
            return
        self.matches = [f"{s['code']} {s['name']}" for s in resp.json()["stations"]]
        self.status = f"{len(self.matches)} stations match '{text}'"

    @observe("selected_station")
    def _load_readings(self, event):
        code = event.new.split(" ", 1)[0] if event.new else ""
        if not code:
            self.readings = []
            return
        self.readings = stations_db.latest_readings(code)
        self.status = f"{len(self.readings)} readings in the last 24 h for {code}"

    @observe("flag")
    def _flag(self, event):
        code = self.selected_station.split(" ", 1)[0]
        if code and self.flag_reason:
            stations_db.flag_station(code, self.flag_reason)
            self.status = f"Flagged {code}"
            self.flag_reason = ""

    @observe("refresh")
    def _refresh(self, event):
        self.status = f"{stations_db.count_active()} active stations"


if __name__ == "__main__":
    os.environ.setdefault("ETS_TOOLKIT", "qt")
    StationBrowser().configure_traits()
