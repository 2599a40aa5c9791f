DOMAIN = "grid_tariff"

CONF_API_KEY = "api_key"
CONF_AREA = "area"
CONF_DB_URL = "history_db_url"

TARIFF_API = "https://api.gridprices.example.com/v1"
UPDATE_MINUTES = 5
