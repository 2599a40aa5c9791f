import FreeCAD
import FreeCADGui


class BomSyncWorkbench(FreeCADGui.Workbench):
    MenuText = "BOM Sync"
    ToolTip = "Synchronise assembly BOMs with the ERP"

    def Initialize(self):
        from bomsync import commands, observer

        FreeCADGui.addCommand("BomSync_Push", commands.PushBomCommand())
        FreeCADGui.addCommand("BomSync_Prices", commands.RefreshPricesCommand())
        self.appendToolbar("BOM Sync", ["BomSync_Push", "BomSync_Prices"])
        self.appendMenu("BOM Sync", ["BomSync_Push", "BomSync_Prices"])

        # one observer for the whole session; it is called for every
        # recompute / save of every open document
        observer.install()

    def Activated(self):
        FreeCAD.Console.PrintMessage("BOM Sync active\n")

    def Deactivated(self):
        pass

    def GetClassName(self):
        return "Gui::PythonWorkbench"


FreeCADGui.addWorkbench(BomSyncWorkbench())
