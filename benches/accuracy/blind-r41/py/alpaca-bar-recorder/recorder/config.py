import os

API_KEY = os.environ["APCA_API_KEY_ID"]
API_SECRET = os.environ["APCA_API_SECRET_KEY"]
PAPER = os.environ.get("APCA_PAPER", "true") == "true"
SYMBOLS = os.environ.get("SYMBOLS", "AAPL,MSFT,NVDA,AMZN,SPY").split(",")
BARS_DSN = os.environ.get("BARS_DSN", "postgresql://bars:bars@timescale:5432/market")
FILLS_WEBHOOK = os.environ.get("FILLS_WEBHOOK", "https://chat.example.com/hooks/fills")
