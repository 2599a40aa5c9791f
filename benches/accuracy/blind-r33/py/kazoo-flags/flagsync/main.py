import logging
import signal
import threading

from kazoo.client import KazooClient, KazooState

from flagsync import settings
from flagsync.watchers import register_watchers

log = logging.getLogger("flagsync")
stop = threading.Event()


def _state_listener(state):
    if state == KazooState.LOST:
        log.warning("zookeeper session lost; watches will be re-armed on reconnect")
    elif state == KazooState.SUSPENDED:
        log.warning("zookeeper connection suspended")


def main():
    logging.basicConfig(level=logging.INFO)
    zk = KazooClient(hosts=settings.ZK_HOSTS, timeout=10.0)
    zk.add_listener(_state_listener)
    zk.start(timeout=30)
    zk.ensure_path(settings.FLAGS_ROOT)

    register_watchers(zk)

    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        zk.stop()
        zk.close()


if __name__ == "__main__":
    main()
