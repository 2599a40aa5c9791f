"""Flask-AppBuilder configuration for the inventory back office."""
import os

from flask_appbuilder.security.manager import AUTH_DB, AUTH_OAUTH

basedir = os.path.abspath(os.path.dirname(__file__))

# Flask / WTF
SECRET_KEY = os.environ.get("SECRET_KEY", "change-me-in-production")
CSRF_ENABLED = True

# Main application database (FAB models, security tables)
SQLALCHEMY_DATABASE_URI = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://inventory:inventory@localhost:5432/inventory"
)
SQLALCHEMY_TRACK_MODIFICATIONS = False
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5}

# Read replica of the warehouse reporting schema
REPORTING_DB_URL = os.environ.get(
    "REPORTING_DB_URL", "postgresql+psycopg2://report_ro:secret@reporting-db:5432/warehouse"
)

# Redis holding the live stock counters written by the scanners
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")

APP_NAME = "Inventory Back Office"
APP_THEME = ""
APP_ICON = "/static/img/logo.png"

# Authentication: database users by default, Google SSO when configured
AUTH_TYPE = AUTH_OAUTH if os.environ.get("GOOGLE_CLIENT_ID") else AUTH_DB
AUTH_ROLE_ADMIN = "Admin"
AUTH_ROLE_PUBLIC = "Public"
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Warehouse"

OAUTH_PROVIDERS = [
    {
        "name": "google",
        "icon": "fa-google",
        "token_key": "access_token",
        "remote_app": {
            "client_id": os.environ.get("GOOGLE_CLIENT_ID"),
            "client_secret": os.environ.get("GOOGLE_CLIENT_SECRET"),
            "api_base_url": "https://www.googleapis.com/oauth2/v2/",
            "client_kwargs": {"scope": "email profile"},
            "access_token_url": "https://accounts.google.com/o/oauth2/token",
            "authorize_url": "https://accounts.google.com/o/oauth2/auth",
        },
    }
]

BABEL_DEFAULT_LOCALE = "en"
LANGUAGES = {"en": {"flag": "gb", "name": "English"}, "de": {"flag": "de", "name": "German"}}

UPLOAD_FOLDER = basedir + "/app/static/uploads/"
IMG_UPLOAD_FOLDER = basedir + "/app/static/uploads/"
IMG_UPLOAD_URL = "/static/uploads/"
