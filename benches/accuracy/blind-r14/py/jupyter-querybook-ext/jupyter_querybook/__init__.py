import atexit
import os

from .clients import make_pool, make_s3
from .handlers import setup_handlers

__version__ = "0.6.2"


def _jupyter_server_extension_points():
    return [{"module": "jupyter_querybook"}]


def _load_jupyter_server_extension(serverapp):
    """Called once by Jupyter Server when the extension is enabled."""
    pool = make_pool()
    atexit.register(pool.close)
    s3 = make_s3()
    bucket = os.environ.get("QUERYBOOK_EXPORT_BUCKET", "acme-notebook-exports")
    setup_handlers(serverapp.web_app, pool, s3, bucket)
    serverapp.log.info("jupyter_querybook loaded (pool max_size=%s)", pool.max_size)
