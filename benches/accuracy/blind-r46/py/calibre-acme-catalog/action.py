import os

from calibre.gui2 import error_dialog, info_dialog
from calibre.gui2.actions import InterfaceAction

from calibre_plugins.acme_catalog.clients import (
    CATALOG_URL,
    catalog_session,
    close_all,
    covers_bucket_client,
)

COVERS_BUCKET = os.environ.get("ACME_COVERS_BUCKET", "acme-library-covers")


class AcmeCatalogAction(InterfaceAction):
    name = "Acme Catalog Sync"
    action_spec = ("Sync to catalog", None, "Push the selected books to the Acme catalog", "Ctrl+Shift+K")
    action_type = "current"

    def genesis(self):
        self.qaction.triggered.connect(self.sync_selected)

    def sync_selected(self):
        view = self.gui.library_view
        rows = view.selectionModel().selectedRows()
        if not rows:
            return error_dialog(self.gui, "No books selected", "Select one or more books first.", show=True)

        db = self.gui.current_db.new_api
        http = catalog_session()
        s3 = covers_bucket_client()
        pushed = 0
        for book_id in map(view.model().id, rows):
            mi = db.get_metadata(book_id)
            payload = {
                "title": mi.title,
                "authors": mi.authors,
                "isbn": mi.isbn,
                "tags": list(mi.tags or []),
                "calibre_uuid": mi.uuid,
            }
            resp = http.put(f"{CATALOG_URL}/api/books/{mi.uuid}", json=payload, timeout=15)
            if not resp.ok:
                continue
            cover = db.cover(book_id)
            if cover:
                s3.put_object(Bucket=COVERS_BUCKET, Key=f"{mi.uuid}.jpg", Body=cover, ContentType="image/jpeg")
            pushed += 1

        info_dialog(self.gui, "Acme Catalog", f"Pushed {pushed} of {len(rows)} books.", show=True)

    def library_changed(self, db):
        # a different calibre library was opened; nothing to rebuild, clients are shared
        self.qaction.setEnabled(db is not None)

    def shutting_down(self):
        close_all()
        return True
