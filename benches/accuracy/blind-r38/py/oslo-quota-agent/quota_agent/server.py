import socket
import sys
import time

import oslo_messaging
from oslo_log import log as logging

from quota_agent.conf import CONF
from quota_agent.endpoints import QuotaEndpoint
from quota_agent.notifications import InstanceUsageEndpoint

LOG = logging.getLogger(__name__)


def main():
    logging.register_options(CONF)
    CONF(sys.argv[1:], project="quota-agent")
    logging.setup(CONF, "quota-agent")

    transport = oslo_messaging.get_rpc_transport(CONF)
    target = oslo_messaging.Target(topic="quota-agent", server=socket.gethostname())
    rpc_server = oslo_messaging.get_rpc_server(
        transport, target, [QuotaEndpoint()], executor="threading"
    )

    notif_transport = oslo_messaging.get_notification_transport(CONF)
    listener = oslo_messaging.get_notification_listener(
        notif_transport,
        [oslo_messaging.Target(topic="versioned_notifications")],
        [InstanceUsageEndpoint()],
        executor="threading",
        pool="quota-agent",
    )

    rpc_server.start()
    listener.start()
    LOG.info("quota-agent started")
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        LOG.info("stopping")
    finally:
        listener.stop()
        rpc_server.stop()
        listener.wait()
        rpc_server.wait()


if __name__ == "__main__":
    main()
