#!/usr/bin/env node
import blessed from 'blessed';

import { closeClients, createClients } from './clients';
import { refreshErrors, refreshQueues } from './panels';

async function main() {
  const clients = createClients();
  let window = 15;

  const screen = blessed.screen({ smartCSR: true, title: 'ops console' });
  const queues = blessed.list({
    parent: screen,
    label: ' queues ',
    top: 0,
    left: 0,
    width: '30%',
    height: '100%-1',
    border: 'line',
  });
  const errors = blessed.box({
    parent: screen,
    label: ` 5xx last ${window} min `,
    top: 0,
    left: '30%',
    width: '70%',
    height: '100%-1',
    border: 'line',
  });
  const status = blessed.box({ parent: screen, bottom: 0, height: 1, width: '100%' });

  const refresh = async () => {
    try {
      await Promise.all([refreshQueues(queues, clients), refreshErrors(errors, clients, window)]);
      status.setContent(`updated ${new Date().toLocaleTimeString()}  [r] refresh  [+/-] window  [q] quit`);
    } catch (err) {
      status.setContent(`refresh failed: ${(err as Error).message}`);
    }
    screen.render();
  };

  // Key handlers and the timer all share the clients built above.
  screen.key(['r'], () => void refresh());
  screen.key(['+', '='], () => {
    window = Math.min(240, window * 2);
    errors.setLabel(` 5xx last ${window} min `);
    void refresh();
  });
  screen.key(['-'], () => {
    window = Math.max(5, Math.floor(window / 2));
    errors.setLabel(` 5xx last ${window} min `);
    void refresh();
  });

  const timer = setInterval(() => void refresh(), 5_000);

  screen.key(['q', 'C-c'], async () => {
    clearInterval(timer);
    await closeClients(clients);
    screen.destroy();
    process.exit(0);
  });

  await refresh();
}

void main();
