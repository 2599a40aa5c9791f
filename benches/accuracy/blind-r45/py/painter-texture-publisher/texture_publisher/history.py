"""'Version history' menu action: shows the saved versions of the open project."""
import substance_painter.logging as sp_log
import substance_painter.project as sp_project
from psycopg2.pool import ThreadedConnectionPool
from PySide2 import QtWidgets

from . import pipeline_db

pool = ThreadedConnectionPool(5, 50, pipeline_db.PIPELINE_DSN, connect_timeout=5)


def show_history():
    """Triggered on every click of File > Version history."""
    conn = pool.getconn()
    if not sp_project.is_open():
        sp_log.warning("texture_publisher: no project open")
        return
    with conn.cursor() as cur:
        cur.execute(
            "SELECT saved_at, artist FROM painter_versions WHERE project = %s"
            " ORDER BY saved_at DESC LIMIT 20",
            (pipeline_db.project_key(sp_project.file_path()),),
        )
        rows = cur.fetchall()
    conn.rollback()
    pool.putconn(conn)
    text = "\n".join("{:%Y-%m-%d %H:%M}  {}".format(saved_at, artist) for saved_at, artist in rows)
    QtWidgets.QMessageBox.information(None, "Version history", text or "No saved versions yet.")


def close_pool():
    pool.closeall()
