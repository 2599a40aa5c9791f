# -*- coding: utf-8 -*-
"""
    MoinMoin - BuildStatus macro

    Shows the last CI result of a pipeline, as cached in Redis by the
    build bots:

        <<BuildStatus(pipeline=main)>>
"""
import threading

import redis

Dependencies = ['time']

_lock = threading.Lock()
_pool = None

_COLOURS = {'passed': u'green', 'failed': u'red', 'running': u'orange'}


def _redis(cfg):
    global _pool
    if _pool is None:
        with _lock:
            if _pool is None:
                _pool = redis.ConnectionPool.from_url(
                    cfg.buildstatus_redis_url, socket_timeout=2,
                    decode_responses=True)
    return redis.Redis(connection_pool=_pool)


def macro_BuildStatus(macro, pipeline=u'main'):
    fmt = macro.formatter
    _ = macro.request.getText

    try:
        status = _redis(macro.request.cfg).hgetall('ci:pipeline:%s' % pipeline)
    except redis.RedisError:
        return fmt.text(_('BuildStatus: CI cache unavailable'))

    if not status:
        return fmt.text(_('No builds recorded for %s yet.') % pipeline)

    state = status.get('state', 'unknown')
    colour = _COLOURS.get(state, u'gray')
    label = u'%s #%s: %s (%s)' % (
        pipeline, status.get('number', '?'), state, status.get('finished_at', '-'))
    return u''.join([
        fmt.span(1, style=u'color: %s; font-weight: bold' % colour),
        fmt.text(label),
        fmt.span(0),
    ])
