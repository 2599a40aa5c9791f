"""Entry point: cheroot WSGI server hosting the WsgiDAV app (systemd unit reportshare.service)."""
import logging
import os

from cheroot import wsgi
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool
from wsgidav.wsgidav_app import WsgiDAVApp

from provider import ReportProvider

THREADS = int(os.environ.get("DAV_THREADS", "60"))


def build_pool() -> ConnectionPool:
    pool = ConnectionPool(os.environ["REPORTS_DSN"], min_size=4, max_size=60, kwargs={"row_factory": dict_row}, name="reportshare")
    pool.wait(timeout=30)
    return pool


def main():
    logging.basicConfig(level=logging.INFO)
    pool = build_pool()
    config = {
        "host": "0.0.0.0",
        "port": int(os.environ.get("DAV_PORT", "8080")),
        "provider_mapping": {"/dav": ReportProvider(pool)},
        "http_authenticator": {
            "domain_controller": None,
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "simple_dc": {
            "user_mapping": {
                "/dav": {
                    "accounting": {
                        "password": os.environ["DAV_PASSWORD"],
                        "roles": ["reader"],
                    },
                },
            },
        },
        "dir_browser": {"enable": True},
        "verbose": 2,
    }
    app = WsgiDAVApp(config)
    server = wsgi.Server(
        bind_addr=(config["host"], config["port"]),
        wsgi_app=app,
        numthreads=THREADS,
        server_name="reportshare",
    )
    try:
        server.start()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        pool.close()


if __name__ == "__main__":
    main()
