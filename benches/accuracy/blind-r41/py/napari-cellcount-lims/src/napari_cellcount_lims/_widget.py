from typing import TYPE_CHECKING

import numpy as np
from magicgui import magic_factory
from napari.layers import Labels, Points
from qtpy.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from napari_cellcount_lims import _db, _reports

if TYPE_CHECKING:
    import napari


@magic_factory(call_button="Publish counts", plate_id={"label": "Plate"}, well={"label": "Well"})
def publish_widget(labels: Labels, plate_id: str = "", well: str = "A01") -> None:
    """Count the objects in a Labels layer and store the result (runs on every click)."""
    ids = np.unique(labels.data)
    count = int((ids != 0).sum())
    engine = create_engine(_db.RESULTS_URL)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO well_counts (plate_id, well, layer_name, cell_count) "
                "VALUES (:plate, :well, :layer, :count)"
            ),
            {"plate": plate_id, "well": well, "layer": labels.name, "count": count},
        )
    labels.metadata["published_count"] = count


class AnnotationSync(QWidget):
    """Dock widget: when a Points layer is added, pull the LIMS annotations for its plate."""

    def __init__(self, viewer: "napari.viewer.Viewer"):
        super().__init__()
        self.viewer = viewer
        self.list = QListWidget()
        self.summary = QLabel("No plate loaded")
        refresh = QPushButton("Refresh summary")
        refresh.clicked.connect(self._refresh_summary)

        layout = QVBoxLayout()
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        layout.addWidget(refresh)
        self.setLayout(layout)

        self.viewer.layers.events.inserted.connect(self._on_layer_inserted)

    def _on_layer_inserted(self, event) -> None:
        layer = event.value
        session = Session(_db.engine)
        if not isinstance(layer, Points):
            return
        plate_id = layer.metadata.get("plate_id")
        if plate_id is None:
            return
        rows = session.execute(
            text("SELECT well, note FROM annotations WHERE plate_id = :p ORDER BY well"),
            {"p": plate_id},
        ).all()
        session.close()
        self.list.clear()
        self.list.addItems([f"{well}: {note}" for well, note in rows])
        self._plate_id = plate_id
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        plate_id = getattr(self, "_plate_id", None)
        if plate_id:
            self.summary.setText(_reports.plate_summary(plate_id))
