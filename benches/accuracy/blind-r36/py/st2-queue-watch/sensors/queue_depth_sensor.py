from urllib.parse import quote

import requests
from st2reactor.sensor.base import PollingSensor

from lib import mongo

TRIGGER = "queue_watch.queue_backlog"


class QueueDepthSensor(PollingSensor):
    def __init__(self, sensor_service, config=None, poll_interval=30):
        super(QueueDepthSensor, self).__init__(
            sensor_service=sensor_service, config=config, poll_interval=poll_interval
        )
        self._logger = self.sensor_service.get_logger(name=self.__class__.__name__)
        self._http = None
        self._threshold = int(self._config.get("backlog_threshold", 500))

    def setup(self):
        # One management-API session for the lifetime of the sensor process.
        self._http = requests.Session()
        self._http.auth = (self._config["rabbitmq_user"], self._config["rabbitmq_password"])
        self._http.headers["Accept"] = "application/json"

    def poll(self):
        vhost = quote(self._config.get("vhost", "jobs"), safe="")
        url = "%s/queues/%s" % (self._config["rabbitmq_api_url"].rstrip("/"), vhost)
        resp = self._http.get(url, params={"columns": "name,vhost,messages_ready,consumers"},
                              timeout=10)
        resp.raise_for_status()

        backlog = [q for q in resp.json() if q.get("messages_ready", 0) >= self._threshold]
        if not backlog:
            return

        audit = mongo.audit_collection(self._config)
        for queue in backlog:
            depth = queue["messages_ready"]
            consumers = queue.get("consumers", 0)
            audit.insert_one(mongo.backlog_document(queue, depth, consumers))
            self._logger.info("queue %s backlog %d (%d consumers)", queue["name"], depth, consumers)
            self.sensor_service.dispatch(
                trigger=TRIGGER,
                payload={"queue": queue["name"], "depth": depth, "consumers": consumers},
            )

    def cleanup(self):
        if self._http is not None:
            self._http.close()

    def add_trigger(self, trigger):
        pass

    def update_trigger(self, trigger):
        pass

    def remove_trigger(self, trigger):
        pass
