import logging

from clients import pg_pool
from scheduler import app
import tasks  # noqa: F401  registers the scheduled tasks


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    try:
        app.run()
    finally:
        pg_pool.close()
