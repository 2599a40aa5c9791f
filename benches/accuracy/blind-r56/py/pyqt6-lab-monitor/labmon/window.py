"""Main window: live readings table refreshed by a QTimer."""
from PyQt6.QtCore import QThread, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labmon.sync import LimsSyncWorker

LATEST_SQL = """
    SELECT DISTINCT ON (instrument) instrument, sample_id, value, unit, measured_at
      FROM readings
     ORDER BY instrument, measured_at DESC
"""


class MainWindow(QMainWindow):
    sync_requested = pyqtSignal()

    def __init__(self, pool, http):
        super().__init__()
        self.pool = pool
        self.setWindowTitle("Lab instruments")

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Instrument", "Sample", "Value", "Unit", "At"])
        self.status = QLabel("")
        self.sync_button = QPushButton("Sync to LIMS")
        self.sync_button.clicked.connect(self.on_sync_clicked)

        layout = QVBoxLayout()
        layout.addWidget(self.table)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        # the worker object gets the same pool/client; it only runs on its thread
        self.sync_thread = QThread(self)
        self.worker = LimsSyncWorker(pool, http)
        self.worker.moveToThread(self.sync_thread)
        self.sync_requested.connect(self.worker.sync)
        self.worker.finished.connect(self.on_sync_finished)
        self.worker.failed.connect(self.on_sync_failed)
        self.sync_thread.start()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(10_000)
        self.refresh()

    def refresh(self):
        with self.pool.connection() as conn:
            rows = conn.execute(LATEST_SQL).fetchall()
        self.table.setRowCount(len(rows))
        for i, (instrument, sample, value, unit, at) in enumerate(rows):
            for j, cell in enumerate((instrument, sample, f"{value:.4g}", unit, f"{at:%H:%M:%S}")):
                self.table.setItem(i, j, QTableWidgetItem(str(cell)))

    def on_sync_clicked(self):
        self.sync_button.setEnabled(False)
        self.status.setText("syncing...")
        self.sync_requested.emit()

    def on_sync_finished(self, count):
        self.sync_button.setEnabled(True)
        self.status.setText(f"synced {count} readings")

    def on_sync_failed(self, message):
        self.sync_button.setEnabled(True)
        self.status.setText(f"sync failed: {message}")

    def shutdown(self):
        self.timer.stop()
        self.sync_thread.quit()
        self.sync_thread.wait(5000)
