def classFactory(iface):
    from .plugin import FieldNotesPlugin

    return FieldNotesPlugin(iface)
