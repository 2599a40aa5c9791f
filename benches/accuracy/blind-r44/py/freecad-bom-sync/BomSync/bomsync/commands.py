"""Toolbar commands and the BOM flattening they share with the observer."""
from collections import Counter

import FreeCAD
import FreeCADGui

from bomsync import db, erp


def part_number(obj):
    # Parts carry their ERP number in a custom property, App::Link objects
    # point at the real part.
    target = obj.getLinkedObject(True) if hasattr(obj, "getLinkedObject") else obj
    return getattr(target, "PartNumber", None) or None


def collect_lines(doc):
    counts = Counter()
    for obj in doc.Objects:
        if obj.TypeId not in ("Part::Feature", "PartDesign::Body", "App::Link"):
            continue
        pn = part_number(obj)
        if pn:
            counts[pn] += getattr(obj, "ElementCount", 0) or 1
    return sorted(counts.items())


class PushBomCommand:
    def GetResources(self):
        return {"MenuText": "Push BOM", "ToolTip": "Replace the staged ERP BOM with this assembly"}

    def IsActive(self):
        return FreeCAD.ActiveDocument is not None

    def Activated(self):
        doc = FreeCAD.ActiveDocument
        lines = collect_lines(doc)
        db.replace_bom(doc.Label, lines)
        FreeCAD.Console.PrintMessage(f"BomSync: pushed {len(lines)} lines for {doc.Label}\n")


class RefreshPricesCommand:
    def GetResources(self):
        return {"MenuText": "Refresh prices", "ToolTip": "Look up current ERP prices"}

    def IsActive(self):
        return FreeCAD.ActiveDocument is not None

    def Activated(self):
        doc = FreeCAD.ActiveDocument
        total = erp.annotate_cost(doc, collect_lines(doc))
        FreeCADGui.updateGui()
        FreeCAD.Console.PrintMessage(f"BomSync: {doc.Label} material cost {total:.2f}\n")
