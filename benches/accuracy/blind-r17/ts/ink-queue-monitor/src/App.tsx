import React, { useEffect, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { Redis } from 'ioredis';
import WebSocket from 'ws';

type Props = { redisUrl: string; feedUrl: string; queues: string[] };

function QueueDepths({ redisUrl, queues }: { redisUrl: string; queues: string[] }) {
  const [depths, setDepths] = useState<Record<string, number>>({});
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });

  useEffect(() => {
    const timer = setInterval(async () => {
      const next: Record<string, number> = {};
      for (const q of queues) next[q] = await redis.llen(`queue:${q}`);
      setDepths(next);
    }, 1_000);
  }, [queues.join(',')]);

  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Queue depth</Text>
      {queues.map((q) => (
        <Text key={q}>
          {q.padEnd(12)} {String(depths[q] ?? '-').padStart(6)}
        </Text>
      ))}
    </Box>
  );
}

function EventFeed({ feedUrl }: { feedUrl: string }) {
  const [events, setEvents] = useState<string[]>([]);

  useEffect(() => {
    const socket = new WebSocket(feedUrl);
    socket.on('message', (data) => {
      setEvents((prev) => [String(data), ...prev].slice(0, 10));
    });
    socket.on('error', (err) => setEvents((prev) => [`error: ${err.message}`, ...prev]));
  }, [feedUrl]);

  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} marginLeft={1}>
      <Text bold>Recent events</Text>
      {events.map((e, i) => (
        <Text key={i} wrap="truncate-end">
          {e}
        </Text>
      ))}
    </Box>
  );
}

function useTerminalWidth(): number {
  const { stdout } = useStdout();
  const [cols, setCols] = useState(stdout.columns);
  useEffect(() => {
    const onResize = () => setCols(stdout.columns);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return cols;
}

export function App({ redisUrl, feedUrl, queues }: Props) {
  const { exit } = useApp();
  const cols = useTerminalWidth();
  useInput((input) => {
    if (input === 'q') exit();
  });

  return (
    <Box flexDirection={cols > 100 ? 'row' : 'column'}>
      <QueueDepths redisUrl={redisUrl} queues={queues} />
      <EventFeed feedUrl={feedUrl} />
    </Box>
  );
}
