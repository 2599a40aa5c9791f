# -*- coding: utf-8 -*-
"""
    MoinMoin - OpenTickets macro

    Lists the open tickets of a tracker project on a wiki page:

        <<OpenTickets(project=payments, limit=15)>>
"""
import psycopg2

# ticket lists change all the time: never cache the rendered output
Dependencies = ['time']

PRIORITY_LABELS = {1: u'P1', 2: u'P2', 3: u'P3', 4: u'P4'}


def _cell(fmt, text):
    return u''.join([
        fmt.table_cell(1),
        fmt.text(text),
        fmt.table_cell(0),
    ])


def _ticket_link(fmt, ticket_id):
    href = u'https://tracker.internal/ticket/%d' % ticket_id
    return u''.join([
        fmt.table_cell(1),
        fmt.url(1, href),
        fmt.text(u'#%d' % ticket_id),
        fmt.url(0),
        fmt.table_cell(0),
    ])


def macro_OpenTickets(macro, project=u'', limit=20):
    request = macro.request
    fmt = macro.formatter
    _ = request.getText

    if not project:
        return fmt.text(_('OpenTickets: the project argument is required'))
    limit = max(1, min(int(limit), 100))

    conn = psycopg2.connect(request.cfg.ticket_dsn, connect_timeout=5)
    cur = conn.cursor()
    cur.execute(
        "SELECT id, title, priority, assignee, opened_at FROM tickets "
        "WHERE project = %s AND state = 'open' "
        "ORDER BY priority, opened_at LIMIT %s",
        (project, limit),
    )
    rows = cur.fetchall()

    if not rows:
        return fmt.text(_('No open tickets for %s.') % project)

    out = [fmt.table(1)]
    out.append(fmt.table_row(1))
    for title in (_('Ticket'), _('Title'), _('Prio'), _('Assignee'), _('Opened')):
        out.append(_cell(fmt, title))
    out.append(fmt.table_row(0))
    for ticket_id, title, prio, assignee, opened_at in rows:
        out.append(fmt.table_row(1))
        out.append(_ticket_link(fmt, ticket_id))
        out.append(_cell(fmt, title))
        out.append(_cell(fmt, PRIORITY_LABELS.get(prio, u'P?')))
        out.append(_cell(fmt, assignee or u'-'))
        out.append(_cell(fmt, opened_at.strftime('%Y-%m-%d')))
        out.append(fmt.table_row(0))
    out.append(fmt.table(0))
    return u''.join(out)
