"""PostGIS access for the tile handler.

One ThreadedConnectionPool per Apache child process, created the first time a
request needs it (after the fork) and closed when the child exits.
"""
import threading
from contextlib import contextmanager

from mod_python import apache
from psycopg2.pool import ThreadedConnectionPool

_pool = None
_pool_lock = threading.Lock()


def _close_pool(data=None):
    global _pool
    if _pool is not None:
        _pool.closeall()
        _pool = None


def get_pool(req):
    """Return this child's pool, creating it on first use."""
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                options = req.get_options()
                _pool = ThreadedConnectionPool(
                    1, int(options.get("tiles.pool_max", "6")), options["tiles.dsn"]
                )
                req.server.register_cleanup(req, _close_pool)
                apache.log_error("tileserver: PostGIS pool created", apache.APLOG_INFO, req.server)
    return _pool


@contextmanager
def connection(req):
    pool = get_pool(req)
    conn = pool.getconn()
    try:
        yield conn
        conn.rollback()  # read-only work; end the transaction before handing it back
    except Exception:
        pool.putconn(conn, close=True)
        raise
    else:
        pool.putconn(conn)


TILE_SQL = """
WITH bounds AS (SELECT ST_TileEnvelope(%(z)s, %(x)s, %(y)s) AS geom),
mvtgeom AS (
    SELECT ST_AsMVTGeom(ST_Transform(r.way, 3857), bounds.geom) AS geom,
           r.osm_id, r.highway, r.name
      FROM planet_osm_roads r, bounds
     WHERE r.way && ST_Transform(bounds.geom, 3857)
       AND (%(z)s >= 12 OR r.highway IN ('motorway', 'trunk', 'primary'))
)
SELECT ST_AsMVT(mvtgeom.*, 'roads') FROM mvtgeom
"""


def render_tile(req, z, x, y):
    with connection(req) as conn:
        with conn.cursor() as cur:
            cur.execute("SET LOCAL statement_timeout = '5s'")
            cur.execute(TILE_SQL, {"z": z, "x": x, "y": y})
            row = cur.fetchone()
    return bytes(row[0]) if row and row[0] is not None else b""
