"""Extension: listens to slicing and output-device signals for the whole Cura session."""
from cura.CuraApplication import CuraApplication
from UM.Backend.Backend import BackendState
from UM.Extension import Extension
from UM.i18n import i18nCatalog
from UM.Logger import Logger
from UM.Message import Message

from .FarmClient import FarmClient

catalog = i18nCatalog("cura")


class PrintFarmSync(Extension):
    def __init__(self):
        super().__init__()
        self._app = CuraApplication.getInstance()
        self._preferences = self._app.getPreferences()
        self._client = FarmClient(self._preferences)

        self.setMenuName(catalog.i18nc("@item:inmenu", "Print Farm"))
        self.addMenuItem(catalog.i18nc("@item:inmenu", "Send current job to queue"), self._sendToQueue)

        self._app.engineCreatedSignal.connect(self._onEngineCreated)
        self._app.applicationShuttingDown.connect(self._onShutdown)

    def _onEngineCreated(self):
        self._app.getBackend().backendStateChange.connect(self._onBackendStateChange)
        self._app.getOutputDeviceManager().writeStarted.connect(self._onWriteStarted)

    def _jobSummary(self):
        info = self._app.getPrintInformation()
        stack = self._app.getGlobalContainerStack()
        return {
            "job_name": info.jobName,
            "print_seconds": int(info.currentPrintTime),
            "material_grams": [round(w, 1) for w in info.materialWeights],
            "printer": stack.definition.getName() if stack else None,
            "member_id": self._preferences.getValue("printfarm/member_id"),
        }

    def _onBackendStateChange(self, state):
        # Emitted many times per slice (processing, done, error...); only report finished slices.
        if state != BackendState.Done or not self._preferences.getValue("printfarm/report_slices"):
            return
        self._client.submit("/slices", self._jobSummary())

    def _onWriteStarted(self, output_device):
        summary = self._jobSummary()
        summary["device"] = output_device.getId()
        self._client.submit("/prints", summary)

    def _sendToQueue(self):
        self._client.submit("/queue", self._jobSummary())
        Message(
            catalog.i18nc("@info:status", "Job sent to the print farm queue."),
            title=catalog.i18nc("@info:title", "Print Farm"),
        ).show()

    def _onShutdown(self):
        Logger.log("i", "PrintFarmSync shutting down, flushing pending reports")
        self._client.close()
