from __future__ import annotations

import functools
from dataclasses import field
from datetime import date

import rio

from ..holidays import holidays
from ..store import Store

TEAMS = {"Picking": "picking", "Packing": "packing", "Goods-in": "goods_in"}


class ShiftBoard(rio.Component):
    """build() re-runs on every state change; handlers run per click."""

    team: str = "picking"
    day: date = date.today()
    worker: str = ""
    shifts: list[dict] = field(default_factory=list)
    is_holiday: bool = False
    message: str = ""

    @rio.event.on_populate
    async def _load(self) -> None:
        store = self.session[Store]
        self.shifts = store.shifts_for(self.team, self.day)
        self.is_holiday = self.day in await holidays(self.day.year)

    async def _on_team_change(self, event: rio.DropdownChangeEvent) -> None:
        self.team = event.value
        await self._load()

    def _on_worker_change(self, event: rio.TextInputChangeEvent) -> None:
        self.worker = event.text

    async def _on_claim(self, shift_id: int) -> None:
        if not self.worker:
            self.message = "Enter your name first."
            return
        store = self.session[Store]
        ok = store.claim(shift_id, self.worker)
        self.message = "Shift claimed." if ok else "Someone was faster."
        await self._load()

    def build(self) -> rio.Component:
        rows = []
        for shift in self.shifts:
            label = f"{shift['starts_at']:%H:%M}-{shift['ends_at']:%H:%M}"
            if shift["claimed_by"]:
                rows.append(rio.Text(f"{label}  {shift['claimed_by']}"))
            else:
                rows.append(
                    rio.Row(
                        rio.Text(label),
                        rio.Button("Claim", on_press=functools.partial(self._on_claim, shift["id"])),
                        spacing=1,
                    )
                )
        return rio.Column(
            rio.Text(f"Shifts {self.day:%a %d %b}" + (" (public holiday)" if self.is_holiday else "")),
            rio.Dropdown(options=TEAMS, selected_value=self.team, on_change=self._on_team_change),
            rio.TextInput(text=self.worker, label="Your name", on_change=self._on_worker_change),
            *rows,
            rio.Text(self.message),
            spacing=1,
            margin=2,
        )
