import m from 'mithril';
import { client, openTickets, sortTickets, ticketsChannel } from '../lib/appwrite.js';

export function TicketBoard() {
  let tickets = [];
  let loading = true;
  let unsubscribe = null;

  async function load() {
    tickets = sortTickets(await openTickets());
    loading = false;
    m.redraw();
  }

  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      load();
    }
  };

  function applyEvent(response) {
    const doc = response.payload;
    const deleted = response.events.some((e) => e.endsWith('.delete'));
    const rest = tickets.filter((t) => t.$id !== doc.$id);
    tickets = deleted || doc.status === 'closed' ? rest : sortTickets([doc, ...rest]);
    m.redraw();
  }

  return {
    oninit() {
      load();
    },
    oncreate() {
      unsubscribe = client.subscribe(ticketsChannel(), applyEvent);
      document.addEventListener('visibilitychange', onVisibility);
    },
    onremove() {
      if (unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
      document.removeEventListener('visibilitychange', onVisibility);
    },
    view() {
      if (loading) return m('p.loading', 'Loading tickets…');
      return m('ul.tickets', tickets.map((t) =>
        m('li.ticket', { key: t.$id, class: `ticket--${t.priority}` }, [
          m('strong', t.title),
          m('span.machine', t.machine),
          m('span.assignee', t.assignee ?? 'unassigned'),
        ]),
      ));
    },
  };
}
