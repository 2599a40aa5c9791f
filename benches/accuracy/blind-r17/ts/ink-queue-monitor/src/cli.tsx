#!/usr/bin/env node
import React from 'react';
import { render } from 'ink';
import meow from 'meow';
import { App } from './App.js';

const cli = meow(
  `
  Usage
    $ qmon --redis redis://host:6379 --feed wss://events.example.com/stream
`,
  {
    importMeta: import.meta,
    flags: {
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      feed: { type: 'string', default: 'ws://127.0.0.1:8080/events' },
      queues: { type: 'string', default: 'emails,webhooks,exports' },
    },
  },
);

render(<App redisUrl={cli.flags.redis} feedUrl={cli.flags.feed} queues={cli.flags.queues.split(',')} />);
