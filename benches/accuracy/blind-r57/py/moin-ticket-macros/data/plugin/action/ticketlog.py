# -*- coding: utf-8 -*-
"""
    MoinMoin - ticketlog action

    Downloads the event history of a tracker ticket as CSV:

        /SomePage?action=ticketlog&ticket=4711
"""
import csv
import io

from MoinMoin.Page import Page

import tracker_db


def _fail(request, pagename, msg, level='error'):
    request.theme.add_msg(msg, level)
    Page(request, pagename).send_page()


def execute(pagename, request):
    _ = request.getText
    ticket_id = request.values.get('ticket', u'')

    if not request.user.may.read(pagename):
        return _fail(request, pagename, _('You are not allowed to view this page.'))
    if not ticket_id.isdigit():
        return _fail(request, pagename, _('ticketlog: ticket must be a number'))

    pool = tracker_db.get_pool(request.cfg)
    conn = pool.getconn()
    ticket = tracker_db.fetch_ticket(conn, int(ticket_id))
    if ticket is None:
        return _fail(request, pagename, _('Ticket %s not found') % ticket_id, 'warning')

    try:
        events = tracker_db.fetch_events(conn, int(ticket_id))
    finally:
        pool.putconn(conn)

    buf = io.BytesIO()
    writer = csv.writer(buf)
    writer.writerow(['ticket', 'project', 'happened_at', 'actor', 'kind', 'detail'])
    for happened_at, actor, kind, detail in events:
        writer.writerow([
            ticket['id'], ticket['project'].encode('utf-8'),
            happened_at.isoformat(), (actor or u'').encode('utf-8'),
            kind, (detail or u'').encode('utf-8'),
        ])

    request.mimetype = 'text/csv'
    request.headers.add(
        'Content-Disposition',
        'attachment; filename="ticket-%s.csv"' % ticket_id)
    request.write(buf.getvalue())
