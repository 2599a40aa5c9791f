import m from 'mithril';
import { Dashboard } from './components/Dashboard.js';
import { TicketBoard } from './components/TicketBoard.js';

function Layout() {
  return {
    view(vnode) {
      return m('.layout', [
        m('nav', [
          m(m.route.Link, { href: '/' }, 'Machines'),
          m(m.route.Link, { href: '/tickets' }, 'Tickets'),
        ]),
        m('main', vnode.children),
      ]);
    },
  };
}

m.route.prefix = '';
m.route(document.getElementById('app'), '/', {
  '/': {
    render: () => m(Layout, m(Dashboard)),
  },
  '/tickets': {
    render: () => m(Layout, m(TicketBoard)),
  },
  '/split': {
    render: () =>
      m(Layout, [
        m('.split-left', m(Dashboard)),
        m('.split-right', m(TicketBoard)),
      ]),
  },
});
