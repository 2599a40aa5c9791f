import os

from qgis.core import Qgis, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QListWidget, QMessageBox

from . import cadastre
from .permits import PermitsClient


class ParcelInspectorPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.action = None
        self.dock = None
        self.listing = None

    def initGui(self):
        icon = QIcon(os.path.join(os.path.dirname(__file__), "icon.png"))
        self.action = QAction(icon, "Open permits in view", self.iface.mainWindow())
        self.action.triggered.connect(self.show_open_permits)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu("&Parcel Inspector", self.action)

        self.listing = QListWidget()
        self.dock = QDockWidget("Parcels in view", self.iface.mainWindow())
        self.dock.setWidget(self.listing)
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)

        # refresh the dock every time the user pans or zooms the map
        self.iface.mapCanvas().extentsChanged.connect(self.refresh_listing)

    def unload(self):
        self.iface.mapCanvas().extentsChanged.disconnect(self.refresh_listing)
        self.iface.removePluginMenu("&Parcel Inspector", self.action)
        self.iface.removeToolBarIcon(self.action)
        self.iface.removeDockWidget(self.dock)

    def _extent(self):
        e = self.iface.mapCanvas().extent()
        return e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()

    def refresh_listing(self):
        self.listing.clear()
        for parcel_id, owner, land_use, area in cadastre.parcels_in_extent(*self._extent()):
            self.listing.addItem(f"{parcel_id}  {owner}  {land_use}  {area:,.0f} m2")

    def show_open_permits(self):
        parcel_ids = [row[0] for row in cadastre.parcels_in_extent(*self._extent())]
        if not parcel_ids:
            self.iface.messageBar().pushMessage("Parcel Inspector", "No parcels in view", level=Qgis.Info)
            return
        token = QgsSettings().value("parcel_inspector/permits_token", "")
        permits = PermitsClient(token).open_permits(parcel_ids)
        QMessageBox.information(
            self.iface.mainWindow(),
            "Open permits",
            "\n".join(f"{p['parcel_id']}: {p['kind']} ({p['filed']})" for p in permits) or "None",
        )
