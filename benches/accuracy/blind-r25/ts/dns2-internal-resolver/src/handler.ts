import dns2 from 'dns2';
import type { Pool } from 'pg';
import type { ClickHouseClient } from '@clickhouse/client';
import type { AnswerCache } from './clients';

const { Packet } = dns2;
const ZONE = '.svc.internal';
const TTL = 30;

export interface HandlerDeps {
  pool: Pool;
  cache: AnswerCache;
  log: ClickHouseClient;
  buffer: QueryLogRow[];
}

export interface QueryLogRow {
  ts: string;
  client_ip: string;
  name: string;
  answers: number;
  cached: number;
}

async function resolveA(name: string, deps: HandlerDeps): Promise<{ ips: string[]; cached: boolean }> {
  const key = `dns:a:${name}`;
  const hit = await deps.cache.get(key);
  if (hit !== null) return { ips: hit ? hit.split(',') : [], cached: true };

  const service = name.slice(0, -ZONE.length);
  // pool.query checks a connection out and returns it automatically.
  const { rows } = await deps.pool.query<{ ip: string }>(
    `SELECT host(i.address) AS ip
       FROM instances i JOIN services s ON s.id = i.service_id
      WHERE s.name = $1 AND i.healthy
      ORDER BY i.weight DESC, random()
      LIMIT 8`,
    [service],
  );
  const ips = rows.map((r) => r.ip);
  await deps.cache.set(key, ips.join(','), { EX: TTL });
  return { ips, cached: false };
}

// dns2 invokes the returned function for every UDP/TCP query.
export function makeHandler(deps: HandlerDeps) {
  return (request: dns2.DnsRequest, send: (response: dns2.DnsResponse) => void, rinfo: { address: string }) => {
    const response = Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    const name = question?.name?.toLowerCase() ?? '';

    if (!name.endsWith(ZONE) || question.type !== Packet.TYPE.A) {
      response.header.rcode = 3; // NXDOMAIN
      send(response);
      return;
    }

    resolveA(name, deps)
      .then(({ ips, cached }) => {
        for (const address of ips) {
          response.answers.push({ name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: TTL, address });
        }
        if (ips.length === 0) response.header.rcode = 3;
        deps.buffer.push({
          ts: new Date().toISOString().replace('T', ' ').slice(0, 19),
          client_ip: rinfo.address,
          name,
          answers: ips.length,
          cached: cached ? 1 : 0,
        });
        send(response);
      })
      .catch((err) => {
        console.error(`resolve ${name} failed: ${(err as Error).message}`);
        response.header.rcode = 2; // SERVFAIL
        send(response);
      });
  };
}
