"""WSGI entry point:  gunicorn -w 4 -b 0.0.0.0:8080 main:app"""
import json
import logging
import os

import webapp2

from handlers import ListingHandler, ListingsHandler

logging.basicConfig(level=logging.INFO)


def handle_404(request, response, exception):
    response.status_int = 404
    response.content_type = "application/json"
    response.write(json.dumps({"error": "no such route"}))


def handle_500(request, response, exception):
    logging.exception(exception)
    response.status_int = 500
    response.content_type = "application/json"
    response.write(json.dumps({"error": "internal error"}))


app = webapp2.WSGIApplication(
    [
        webapp2.Route(r"/listings", ListingsHandler),
        webapp2.Route(r"/listings/<listing_id:\d+>", ListingHandler),
    ],
    debug=os.environ.get("DEBUG") == "1",
)
app.error_handlers[404] = handle_404
app.error_handlers[500] = handle_500
