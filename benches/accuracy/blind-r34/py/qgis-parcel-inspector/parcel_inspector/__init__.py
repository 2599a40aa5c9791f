def classFactory(iface):
    from .plugin import ParcelInspectorPlugin

    return ParcelInspectorPlugin(iface)
