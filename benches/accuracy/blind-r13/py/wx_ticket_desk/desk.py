"""Desktop helpdesk console for the support floor."""
import os

import requests
import wx
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models import Ticket
from services import make_engine, make_http_session, make_sessionmaker

STATUS_URL = os.environ.get("STATUS_URL", "https://status.acme.example/api/v2/summary.json")


class DeskFrame(wx.Frame):
    def __init__(self, Session: sessionmaker, http: requests.Session, on_exit):
        super().__init__(None, title="Ticket Desk", size=(820, 520))
        self.Session = Session
        self.http = http
        self.on_exit = on_exit

        panel = wx.Panel(self)
        self.list = wx.ListCtrl(panel, style=wx.LC_REPORT | wx.LC_SINGLE_SEL)
        for i, title in enumerate(("ID", "Subject", "Status")):
            self.list.InsertColumn(i, title, width=(60, 560, 120)[i])
        refresh_btn = wx.Button(panel, label="Refresh")
        close_btn = wx.Button(panel, label="Close ticket")
        self.status = self.CreateStatusBar()

        buttons = wx.BoxSizer(wx.HORIZONTAL)
        buttons.Add(refresh_btn, 0, wx.ALL, 4)
        buttons.Add(close_btn, 0, wx.ALL, 4)
        sizer = wx.BoxSizer(wx.VERTICAL)
        sizer.Add(self.list, 1, wx.EXPAND | wx.ALL, 4)
        sizer.Add(buttons, 0)
        panel.SetSizer(sizer)

        self.Bind(wx.EVT_BUTTON, self.on_refresh, refresh_btn)
        self.Bind(wx.EVT_BUTTON, self.on_close_ticket, close_btn)
        self.Bind(wx.EVT_CLOSE, self.on_window_close)

        self.timer = wx.Timer(self)
        self.Bind(wx.EVT_TIMER, self.on_status_tick, self.timer)
        self.timer.Start(60_000)

        self.load_tickets()

    def load_tickets(self):
        with self.Session() as session:
            tickets = session.scalars(
                select(Ticket).where(Ticket.status != "closed").order_by(Ticket.updated_at.desc()).limit(200)
            ).all()
        self.list.DeleteAllItems()
        for t in tickets:
            row = self.list.InsertItem(self.list.GetItemCount(), str(t.id))
            self.list.SetItem(row, 1, t.subject)
            self.list.SetItem(row, 2, t.status)

    def on_refresh(self, event):
        self.load_tickets()

    def on_close_ticket(self, event):
        idx = self.list.GetFirstSelected()
        if idx == -1:
            return
        ticket_id = int(self.list.GetItemText(idx, 0))
        with self.Session.begin() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is not None:
                ticket.status = "closed"
        self.load_tickets()

    def on_status_tick(self, event):
        try:
            resp = self.http.get(STATUS_URL, timeout=5)
            indicator = resp.json()["status"]["description"]
        except (requests.RequestException, KeyError, ValueError):
            indicator = "status unavailable"
        self.status.SetStatusText(f"Platform: {indicator}")

    def on_window_close(self, event):
        self.timer.Stop()
        self.on_exit()
        event.Skip()


def main():
    engine = make_engine()
    Session = make_sessionmaker(engine)
    http = make_http_session()

    def shutdown():
        http.close()
        engine.dispose()

    app = wx.App()
    frame = DeskFrame(Session, http, on_exit=shutdown)
    frame.Show()
    app.MainLoop()


if __name__ == "__main__":
    main()
