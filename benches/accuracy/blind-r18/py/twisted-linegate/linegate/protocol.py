from twisted.internet import protocol, threads
from twisted.protocols.basic import LineReceiver
from twisted.python import log

from .audit import record_disconnect
from .clients import make_http
from .handlers import handle_line


class TelemetryProtocol(LineReceiver):
    delimiter = b"\n"
    MAX_LENGTH = 64 * 1024

    def connectionMade(self):
        peer = self.transport.getPeer()
        self.peer = f"{peer.host}:{peer.port}"
        self.lines = 0
        self.http = make_http()
        log.msg(f"device connected from {self.peer}")

    def lineReceived(self, line):
        self.lines += 1
        d = threads.deferToThread(handle_line, self.http, line)
        d.addCallback(self.sendLine)
        d.addErrback(self._failed)

    def _failed(self, failure):
        log.err(failure, f"line from {self.peer} failed")
        self.sendLine(b"ERR internal")

    def connectionLost(self, reason):
        threads.deferToThread(record_disconnect, self.peer, self.lines, reason.getErrorMessage())


class TelemetryFactory(protocol.ServerFactory):
    protocol = TelemetryProtocol
