"""ClickHouse interface class for Glances (glances --export clickhouse)."""
import sys
import time
from datetime import datetime, timezone
from platform import node

import clickhouse_connect
from glances.exports.export import GlancesExport
from glances.logger import logger

COLUMNS = ["ts", "host", "plugin", "metric", "value"]


class Export(GlancesExport):
    """Glances builds one Export at start-up and calls export() on every refresh."""

    def __init__(self, config=None, args=None):
        super().__init__(config=config, args=args)

        self.host = None
        self.port = None
        self.user = "default"
        self.password = ""
        self.database = "default"
        self.table = "glances_points"
        self.batch_size = 500

        self.export_enable = self.load_conf(
            "clickhouse",
            mandatories=["host", "port"],
            options=["user", "password", "database", "table", "batch_size"],
        )
        if not self.export_enable:
            sys.exit("Missing clickhouse export section in the Glances configuration file")

        self.hostname = node().split(".")[0]
        self.buffer = []
        self.client = self.init()

    def init(self):
        """Connect once; retry a few times while ClickHouse is still starting."""
        for attempt in range(1, 6):
            try:
                client = clickhouse_connect.get_client(
                    host=self.host,
                    port=int(self.port),
                    username=self.user,
                    password=self.password,
                    database=self.database,
                    connect_timeout=5,
                )
            except Exception as e:
                logger.warning(f"ClickHouse not reachable (attempt {attempt}/5): {e}")
                time.sleep(2 * attempt)
                continue
            logger.info(f"Stats will be exported to ClickHouse {self.host}:{self.port}/{self.database}")
            return client
        logger.critical(f"Cannot connect to ClickHouse {self.host}:{self.port}, giving up")
        sys.exit(2)

    def export(self, name, columns, points):
        """Called once per plugin on every Glances refresh."""
        ts = datetime.now(timezone.utc)
        for column, value in zip(columns, points):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            self.buffer.append([ts, self.hostname, name, column, float(value)])
        if len(self.buffer) >= int(self.batch_size):
            self.flush()

    def flush(self):
        if not self.buffer:
            return
        try:
            self.client.insert(self.table, self.buffer, column_names=COLUMNS)
        except Exception as e:
            logger.error(f"Cannot export {len(self.buffer)} points to ClickHouse: {e}")
        finally:
            self.buffer = []

    def exit(self):
        self.flush()
        self.client.close()
        super().exit()
