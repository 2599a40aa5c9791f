"""Volatility 3 plugin: enrich the process list with threat-intel verdicts and
record it in the incident case database. One `vol` process per invocation."""
import logging
import os
from typing import Iterable, List

import psycopg
import requests
from volatility3.framework import interfaces, renderers
from volatility3.framework.configuration import requirements
from volatility3.framework.objects import utility
from volatility3.plugins.windows import pslist

vollog = logging.getLogger(__name__)

INTEL_URL = os.environ.get("INTEL_URL", "https://intel.ir.internal/api/v1")
INTEL_TOKEN = os.environ.get("INTEL_TOKEN", "")
CASE_DSN = os.environ.get("CASE_DSN", "postgresql://ir:ir@cases.ir.internal:5432/cases")


class ProcessIntel(interfaces.plugins.PluginInterface):
    """Lists processes with the intel platform's verdict for each image name."""

    _required_framework_version = (2, 0, 0)
    _version = (1, 1, 0)

    @classmethod
    def get_requirements(cls) -> List[interfaces.configuration.RequirementInterface]:
        return [
            requirements.ModuleRequirement(
                name="kernel", description="Windows kernel", architectures=["Intel32", "Intel64"]
            ),
            requirements.PluginRequirement(name="pslist", plugin=pslist.PsList, version=(2, 0, 0)),
            requirements.StringRequirement(name="case_id", description="Incident case id", optional=False),
            requirements.BooleanRequirement(
                name="no_record", description="Do not write to the case database", default=False, optional=True
            ),
        ]

    def _verdict(self, http: requests.Session, name: str) -> str:
        try:
            resp = http.get(f"{INTEL_URL}/process-names/{name}", timeout=10)
        except requests.RequestException as e:
            vollog.warning("intel lookup failed for %s: %s", name, e)
            return "error"
        if resp.status_code == 404:
            return "unknown"
        return resp.json().get("verdict", "unknown") if resp.ok else "error"

    def _generator(self, procs: Iterable[interfaces.objects.ObjectInterface]):
        case_id = self.config["case_id"]
        record = not self.config.get("no_record", False)
        verdicts = {}

        with requests.Session() as http, psycopg.connect(CASE_DSN, autocommit=False) as conn:
            http.headers["Authorization"] = f"Bearer {INTEL_TOKEN}"
            for proc in procs:
                pid = int(proc.UniqueProcessId)
                ppid = int(proc.InheritedFromUniqueProcessId)
                try:
                    name = utility.array_to_string(proc.ImageFileName)
                except Exception:
                    name = renderers.UnreadableValue()
                    yield (0, (pid, ppid, name, "unreadable"))
                    continue

                if name not in verdicts:
                    verdicts[name] = self._verdict(http, name)
                if record:
                    conn.execute(
                        "INSERT INTO case_processes (case_id, pid, ppid, image_name, verdict)"
                        " VALUES (%s, %s, %s, %s, %s)"
                        " ON CONFLICT (case_id, pid) DO UPDATE SET verdict = EXCLUDED.verdict",
                        (case_id, pid, ppid, name, verdicts[name]),
                    )
                yield (0, (pid, ppid, name, verdicts[name]))

    def run(self):
        kernel = self.context.modules[self.config["kernel"]]
        procs = pslist.PsList.list_processes(
            context=self.context,
            layer_name=kernel.layer_name,
            symbol_table=kernel.symbol_table_name,
        )
        return renderers.TreeGrid(
            [("PID", int), ("PPID", int), ("ImageFileName", str), ("Verdict", str)],
            self._generator(procs),
        )
