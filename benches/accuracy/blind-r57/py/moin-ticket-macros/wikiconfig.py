# -*- coding: iso-8859-1 -*-
"""
    Platform team wiki configuration (MoinMoin 1.9).

    moin.wsgi puts this directory on sys.path, so the helper module
    tracker_db.py next to this file is importable from plugins.
"""
import os

from MoinMoin.config import multiconfig, url_prefix_static


class Config(multiconfig.DefaultConfig):
    wikiconfig_dir = os.path.abspath(os.path.dirname(__file__))
    instance_dir = wikiconfig_dir
    data_dir = os.path.join(instance_dir, 'data', '')
    data_underlay_dir = os.path.join(instance_dir, 'underlay', '')

    url_prefix_static = '/moin_static1911'

    sitename = u'Platform Wiki'
    logo_string = u'<img src="%s/common/moinmoin.png" alt="Platform Wiki">' % url_prefix_static
    page_front_page = u"FrontPage"
    interwikiname = u'PlatformWiki'

    superuser = [u"WikiAdmin", ]
    acl_rights_before = u"WikiAdmin:read,write,delete,revert,admin"
    acl_rights_default = u"Known:read,write,delete,revert All:read"

    language_default = 'en'
    theme_default = 'modernized'
    show_hosts = False

    # --- tracker integration used by the OpenTickets macro and ticketlog action
    ticket_dsn = os.environ.get(
        'TRACKER_DSN',
        'host=tracker-db.internal dbname=tracker user=wiki_ro password=secret',
    )
    ticket_pool_max = int(os.environ.get('TRACKER_POOL_MAX', '8'))

    # --- CI status cache written by the build bots, read by BuildStatus macro
    buildstatus_redis_url = os.environ.get(
        'BUILDSTATUS_REDIS_URL', 'redis://ci-cache.internal:6379/3')
