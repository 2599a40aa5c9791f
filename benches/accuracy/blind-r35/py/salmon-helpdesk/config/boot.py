import logging
import logging.config

from salmon.routing import Router
from salmon.server import Relay, SMTPReceiver

from config import settings

logging.config.fileConfig("config/logging.conf")

settings.relay = Relay(host=settings.relay_config["host"], port=settings.relay_config["port"], debug=0)

settings.receiver = SMTPReceiver(settings.receiver_config["host"], settings.receiver_config["port"])

Router.defaults(**settings.router_defaults)
Router.load(settings.handlers)
Router.RELOAD = False
Router.LOG_EXCEPTIONS = True
