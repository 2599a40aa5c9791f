import os

import psycopg2
import requests
from psycopg2.pool import ThreadedConnectionPool
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
)
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction

NOTES_DSN = os.environ.get("FIELD_NOTES_DSN", "host=gis-db dbname=survey user=qgis")
SYNC_API = os.environ.get("FIELD_NOTES_API", "https://survey.example.org/api")
SEARCH_RADIUS_M = 25


class FieldNotesPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.action = None
        self.tool = None
        self.timer = None
        self.pool = None

    def initGui(self):
        self.pool = ThreadedConnectionPool(1, 4, dsn=NOTES_DSN, application_name="qgis-field-notes")
        self.action = QAction("Field notes", self.iface.mainWindow())
        self.action.setCheckable(True)
        self.action.triggered.connect(self.activate_tool)
        self.iface.addToolBarIcon(self.action)

        self.tool = QgsMapToolEmitPoint(self.iface.mapCanvas())
        self.tool.canvasClicked.connect(self.on_canvas_clicked)
        self.iface.layerTreeView().currentLayerChanged.connect(self.on_layer_changed)

        self.timer = QTimer()
        self.timer.timeout.connect(self.sync_pending)
        self.timer.start(30_000)

    def unload(self):
        self.timer.stop()
        self.iface.layerTreeView().currentLayerChanged.disconnect(self.on_layer_changed)
        self.iface.removeToolBarIcon(self.action)
        self.pool.closeall()

    def activate_tool(self, checked):
        if checked:
            self.iface.mapCanvas().setMapTool(self.tool)
        else:
            self.iface.mapCanvas().unsetMapTool(self.tool)

    def _to_wgs84(self, point):
        transform = QgsCoordinateTransform(
            self.iface.mapCanvas().mapSettings().destinationCrs(),
            QgsCoordinateReferenceSystem("EPSG:4326"),
            QgsProject.instance(),
        )
        return transform.transform(point)

    def on_canvas_clicked(self, point, button):
        wgs = self._to_wgs84(point)
        conn = psycopg2.connect(NOTES_DSN)
        with conn.cursor() as cur:
            cur.execute(
                "SELECT author, body FROM notes "
                "WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s) "
                "ORDER BY created_at DESC LIMIT 5",
                (wgs.x(), wgs.y(), SEARCH_RADIUS_M),
            )
            rows = cur.fetchall()
        if not rows:
            self.iface.messageBar().pushMessage("Field notes", "No notes here", level=Qgis.Info)
            return
        text = " | ".join(f"{author}: {body}" for author, body in rows)
        self.iface.messageBar().pushMessage("Field notes", text, level=Qgis.Info, duration=8)

    def on_layer_changed(self, layer):
        if layer is None:
            return
        conn = self.pool.getconn()
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM notes WHERE layer_name = %s", (layer.name(),))
            (count,) = cur.fetchone()
        if count == 0:
            return
        self.iface.messageBar().pushMessage(
            "Field notes", f"{count} notes attached to {layer.name()}", level=Qgis.Info, duration=4
        )
        self.pool.putconn(conn)

    def sync_pending(self):
        session = requests.Session()
        session.headers["Authorization"] = f"Token {os.environ.get('FIELD_NOTES_TOKEN', '')}"
        resp = session.get(f"{SYNC_API}/notes/pending", timeout=10)
        if not resp.ok:
            return
        pending = resp.json()
        if not pending:
            return
        conn = self.pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                for note in pending:
                    cur.execute(
                        "INSERT INTO notes (id, author, body, layer_name, geom) "
                        "VALUES (%s, %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) "
                        "ON CONFLICT (id) DO NOTHING",
                        (note["id"], note["author"], note["body"], note["layer"], note["lon"], note["lat"]),
                    )
        finally:
            self.pool.putconn(conn)
        session.post(f"{SYNC_API}/notes/ack", json=[n["id"] for n in pending], timeout=10)
