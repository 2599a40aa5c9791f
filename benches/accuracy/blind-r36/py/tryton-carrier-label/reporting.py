"""Read-only lookups against the WMS database for the shipment form."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ['WMS_DATABASE_URI'], pool_pre_ping=True, pool_recycle=1800)

STATUS_SQL = text(
    "SELECT erp_number, status FROM outbound_shipment WHERE erp_number = ANY(:numbers)"
)


def wms_statuses(numbers):
    if not numbers:
        return {}
    with engine.connect() as conn:
        result = conn.execute(STATUS_SQL, {'numbers': list(numbers)})
        return {row.erp_number: row.status for row in result}
