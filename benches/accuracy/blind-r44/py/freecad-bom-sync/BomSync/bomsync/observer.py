"""Document observer: FreeCAD calls these slots for every open document."""
import FreeCAD

from bomsync import db, erp
from bomsync.commands import collect_lines

_installed = None


class BomObserver:
    def slotRecomputedDocument(self, doc):
        # fires after every recompute (F5, property edits, undo, ...)
        lines = collect_lines(doc)
        if not lines:
            return
        try:
            total = erp.annotate_cost(doc, lines)
            FreeCAD.Console.PrintLog(f"BomSync: {doc.Name} cost {total:.2f}\n")
        except Exception as exc:  # never break the recompute
            FreeCAD.Console.PrintWarning(f"BomSync: price refresh failed: {exc}\n")

    def slotFinishSaveDocument(self, doc, filename):
        try:
            n = db.record_saved_bom(doc.Label, collect_lines(doc))
            FreeCAD.Console.PrintLog(f"BomSync: staged {n} lines from {filename}\n")
        except Exception as exc:
            FreeCAD.Console.PrintWarning(f"BomSync: staging failed: {exc}\n")


def install():
    global _installed
    if _installed is None:
        _installed = BomObserver()
        FreeCAD.addDocumentObserver(_installed)
