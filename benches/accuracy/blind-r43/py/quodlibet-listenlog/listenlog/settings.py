import os

DATABASE_URL = os.environ.get(
    "LISTENLOG_DATABASE_URL", "postgresql+psycopg://listenlog@nas.home.arpa/music"
)
MB_API = "https://musicbrainz.org/ws/2"
USER_AGENT = "listenlog-quodlibet/1.3 (admin@home.arpa)"
MIN_PLAYED_SECONDS = 30
