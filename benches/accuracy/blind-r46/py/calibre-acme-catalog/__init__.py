from calibre.customize import InterfaceActionBase


class AcmeCatalogPlugin(InterfaceActionBase):
    name = "Acme Catalog Sync"
    description = "Push selected books and their covers to the Acme library catalog"
    supported_platforms = ["windows", "osx", "linux"]
    author = "Acme Library Services"
    version = (1, 3, 0)
    minimum_calibre_version = (6, 0, 0)

    actual_plugin = "calibre_plugins.acme_catalog.action:AcmeCatalogAction"

    def is_customizable(self):
        return False
