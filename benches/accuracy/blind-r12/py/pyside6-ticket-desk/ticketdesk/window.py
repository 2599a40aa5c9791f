from __future__ import annotations

import os

import requests
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

STATUS_URL = os.environ.get("STATUS_URL", "https://status.internal.example.com/api/summary")


class CloseSignals(QObject):
    done = Signal(int)


class CloseTicketJob(QRunnable):
    """Closes a ticket off the GUI thread, using the window's shared engine."""

    def __init__(self, engine: Engine, ticket_id: int) -> None:
        super().__init__()
        self.engine = engine
        self.ticket_id = ticket_id
        self.signals = CloseSignals()

    def run(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE tickets SET status = 'closed', closed_at = now() WHERE id = :id"),
                {"id": self.ticket_id},
            )
        self.signals.done.emit(self.ticket_id)


class MainWindow(QMainWindow):
    def __init__(self, engine: Engine, http: requests.Session) -> None:
        super().__init__()
        self.engine = engine
        self.http = http
        self.pool = QThreadPool.globalInstance()

        self.setWindowTitle("Ticket Desk")
        self.tickets = QListWidget()
        self.refresh_button = QPushButton("Refresh")
        self.close_button = QPushButton("Close selected")
        self.summary = QLabel("-")
        layout = QVBoxLayout()
        for w in (self.summary, self.tickets, self.refresh_button, self.close_button):
            layout.addWidget(w)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.setStatusBar(QStatusBar())

        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close_selected)

        self.status_timer = QTimer(self)
        self.status_timer.setInterval(30_000)
        self.status_timer.timeout.connect(self.poll_status)
        self.status_timer.start()

        self.refresh()

    @Slot()
    def refresh(self) -> None:
        with Session(self.engine) as session:
            rows = session.execute(
                text("SELECT id, subject, priority FROM tickets WHERE status = 'open' ORDER BY priority, id")
            ).all()
        self.tickets.clear()
        for ticket_id, subject, priority in rows:
            self.tickets.addItem(f"#{ticket_id} [P{priority}] {subject}")

    @Slot()
    def close_selected(self) -> None:
        item = self.tickets.currentItem()
        if item is None:
            return
        ticket_id = int(item.text().split()[0].lstrip("#"))
        job = CloseTicketJob(self.engine, ticket_id)
        job.signals.done.connect(self.on_closed)
        self.pool.start(job)

    @Slot(int)
    def on_closed(self, ticket_id: int) -> None:
        self.statusBar().showMessage(f"Ticket #{ticket_id} closed", 5000)
        self.refresh()

    @Slot()
    def poll_status(self) -> None:
        try:
            resp = self.http.get(STATUS_URL, timeout=5)
            resp.raise_for_status()
            data = resp.json()
            self.summary.setText(f"{data['open']} open / {data['breaching_sla']} breaching SLA")
        except requests.RequestException as exc:
            self.statusBar().showMessage(f"status unavailable: {exc}", 5000)
