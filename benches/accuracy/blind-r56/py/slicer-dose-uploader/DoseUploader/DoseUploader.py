import logging
import os
import tempfile

import qt
import slicer
import vtk
from slicer.ScriptedLoadableModule import (
    ScriptedLoadableModule,
    ScriptedLoadableModuleLogic,
    ScriptedLoadableModuleWidget,
)
from slicer.util import VTKObservationMixin

try:
    import boto3
    import requests
except ModuleNotFoundError:
    slicer.util.pip_install("requests boto3")
    import boto3
    import requests

REGISTRY_URL = os.environ.get("DOSE_REGISTRY_URL", "https://dose-registry.radonc.example.org/api")
DOSE_BUCKET = os.environ.get("DOSE_BUCKET", "radonc-dose-volumes")


class DoseUploader(ScriptedLoadableModule):
    def __init__(self, parent):
        ScriptedLoadableModule.__init__(self, parent)
        self.parent.title = "Dose Uploader"
        self.parent.categories = ["Radiotherapy"]
        self.parent.contributors = ["Medical Physics Group"]
        self.parent.helpText = "Registers RT dose volumes as they are loaded and uploads them on request."


class DoseUploaderLogic(ScriptedLoadableModuleLogic):
    """Holds the HTTP session and S3 client for the lifetime of the module widget."""

    def __init__(self):
        ScriptedLoadableModuleLogic.__init__(self)
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {os.environ.get('DOSE_REGISTRY_TOKEN', '')}"
        self.s3 = boto3.client("s3")

    def register_volume(self, node):
        resp = self.session.post(
            f"{REGISTRY_URL}/volumes",
            json={
                "name": node.GetName(),
                "patient_id": node.GetAttribute("DICOM.PatientID") or "",
                "dimensions": list(node.GetImageData().GetDimensions()),
            },
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["id"]

    def upload_volume(self, node, volume_id):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, f"{volume_id}.nrrd")
            if not slicer.util.saveNode(node, path):
                raise RuntimeError(f"could not save {node.GetName()}")
            self.s3.upload_file(path, DOSE_BUCKET, f"dose/{volume_id}.nrrd")
        self.session.patch(f"{REGISTRY_URL}/volumes/{volume_id}", json={"uploaded": True}, timeout=10)

    def close(self):
        self.session.close()


class DoseUploaderWidget(ScriptedLoadableModuleWidget, VTKObservationMixin):
    def __init__(self, parent=None):
        ScriptedLoadableModuleWidget.__init__(self, parent)
        VTKObservationMixin.__init__(self)
        self.logic = None
        self.registered = {}

    def setup(self):
        ScriptedLoadableModuleWidget.setup(self)
        self.logic = DoseUploaderLogic()

        self.volumeSelector = slicer.qMRMLNodeComboBox()
        self.volumeSelector.nodeTypes = ["vtkMRMLScalarVolumeNode"]
        self.volumeSelector.setMRMLScene(slicer.mrmlScene)
        self.uploadButton = qt.QPushButton("Upload dose volume")
        self.statusLabel = qt.QLabel("")
        self.layout.addWidget(self.volumeSelector)
        self.layout.addWidget(self.uploadButton)
        self.layout.addWidget(self.statusLabel)
        self.layout.addStretch(1)

        self.uploadButton.connect("clicked(bool)", self.onUploadButton)
        self.addObserver(slicer.mrmlScene, slicer.mrmlScene.NodeAddedEvent, self.onNodeAdded)

    @vtk.calldata_type(vtk.VTK_OBJECT)
    def onNodeAdded(self, caller, event, calldata):
        node = calldata
        if not isinstance(node, slicer.vtkMRMLScalarVolumeNode):
            return
        if node.GetAttribute("DICOM.Modality") != "RTDOSE":
            return
        # image data is attached after the node is added; register on the next tick
        qt.QTimer.singleShot(0, lambda: self._register(node))

    def _register(self, node):
        try:
            self.registered[node.GetID()] = self.logic.register_volume(node)
            self.statusLabel.text = f"registered {node.GetName()}"
        except requests.RequestException as exc:
            logging.warning("dose registry unavailable: %s", exc)

    def onUploadButton(self):
        node = self.volumeSelector.currentNode()
        if node is None:
            return
        volume_id = self.registered.get(node.GetID())
        if volume_id is None:
            volume_id = self.logic.register_volume(node)
            self.registered[node.GetID()] = volume_id
        with slicer.util.tryWithErrorDisplay("Upload failed", waitCursor=True):
            self.logic.upload_volume(node, volume_id)
            self.statusLabel.text = f"uploaded {node.GetName()}"

    def cleanup(self):
        self.removeObservers()
        if self.logic is not None:
            self.logic.close()
