import logging
import os

from label_studio_ml.api import init_app

from model import SentimentModel

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))

# gunicorn --bind :9090 --workers 2 --threads 8 _wsgi:app
app = init_app(model_class=SentimentModel)

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "9090")))
