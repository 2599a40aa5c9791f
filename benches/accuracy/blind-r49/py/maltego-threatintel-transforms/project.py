"""Maltego iTDS transform server.

Run locally:   python project.py list
Serve:         gunicorn --bind=0.0.0.0:8080 --threads=25 --workers=2 project:application
"""
import sys

import transforms  # namespace package; register_transform_classes walks its modules
from maltego_trx.handler import handle_run
from maltego_trx.registry import register_transform_classes
from maltego_trx.server import app, application  # noqa: F401  (gunicorn entry point)

register_transform_classes(transforms)

handle_run(__name__, sys.argv, app)
