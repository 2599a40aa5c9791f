import os

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://ops:ops@wms-db.internal:5432/wms"
)
CARRIER_STATUS_URL = os.environ.get("CARRIER_STATUS_URL", "https://carrier-gw.internal")
CARRIERS = ("dhl", "ups", "dpd", "gls")
PORT = int(os.environ.get("PORT", "8090"))
