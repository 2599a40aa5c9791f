# -*- coding: utf-8 -*-
# Description: job queue backlog / throughput netdata python.d module
# SPDX-License-Identifier: GPL-3.0-or-later

import redis
from sqlalchemy import create_engine, text

from bases.FrameworkServices.SimpleService import SimpleService

priority = 90100
update_every = 5

ORDER = [
    'pending',
    'throughput',
    'failures',
]

CHARTS = {
    'pending': {
        'options': [None, 'Jobs waiting in Redis', 'jobs', 'backlog', 'jobqueue.pending', 'stacked'],
        'lines': []
    },
    'throughput': {
        'options': [None, 'Jobs finished', 'jobs/s', 'throughput', 'jobqueue.finished', 'line'],
        'lines': [
            ['finished', 'finished', 'incremental'],
        ]
    },
    'failures': {
        'options': [None, 'Jobs failed', 'jobs/s', 'throughput', 'jobqueue.failed', 'line'],
        'lines': [
            ['failed', 'failed', 'incremental'],
        ]
    },
}

TOTALS_SQL = text(
    "SELECT count(*) FILTER (WHERE state = 'DONE')   AS finished, "
    "       count(*) FILTER (WHERE state = 'FAILED') AS failed "
    "  FROM job_runs"
)


class Service(SimpleService):
    def __init__(self, configuration=None, name=None):
        SimpleService.__init__(self, configuration=configuration, name=name)
        self.order = ORDER
        self.definitions = CHARTS
        self.dsn = self.configuration.get('dsn')
        self.redis_host = self.configuration.get('redis_host', 'localhost')
        self.redis_port = int(self.configuration.get('redis_port', 6379))
        self.queues = self.configuration.get('queues', ['default'])
        self.engine = None

    def check(self):
        if not self.dsn:
            self.error("'dsn' is not set")
            return False
        try:
            self.engine = create_engine(self.dsn, pool_size=1, max_overflow=0, pool_pre_ping=True)
            with self.engine.connect() as conn:
                conn.execute(text('SELECT 1'))
        except Exception as error:
            self.error('cannot connect to {0}: {1}'.format(self.dsn, error))
            return False

        for queue in self.queues:
            self.definitions['pending']['lines'].append(['pending_' + queue, queue, 'absolute'])
        return True

    def _get_data(self):
        data = dict()

        r = redis.Redis(host=self.redis_host, port=self.redis_port, socket_timeout=2)
        try:
            for queue in self.queues:
                data['pending_' + queue] = r.llen('queue:' + queue)
        except redis.RedisError as error:
            self.error('redis: {0}'.format(error))
            return None

        conn = self.engine.connect()
        row = conn.execute(TOTALS_SQL).mappings().one()
        data['finished'] = row['finished']
        data['failed'] = row['failed']

        return data or None
