import sys

from twisted.internet import endpoints, reactor
from twisted.python import log

from . import settings
from .protocol import TelemetryFactory


def main() -> None:
    log.startLogging(sys.stdout)
    reactor.suggestThreadPoolSize(16)
    endpoint = endpoints.TCP4ServerEndpoint(reactor, settings.PORT)
    endpoint.listen(TelemetryFactory())
    reactor.run()


if __name__ == "__main__":
    main()
