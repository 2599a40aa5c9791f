import pg from 'pg';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';

// Module scope: built when the Lambda container cold-starts and reused by
// every warm invocation it serves. One connection per container.
const ssm = new SSMClient({});
let pool;

export async function getPool() {
  if (!pool) {
    const { Parameter } = await ssm.send(
      new GetParameterCommand({ Name: '/arc-orders/database-url', WithDecryption: true })
    );
    pool = new pg.Pool({
      connectionString: Parameter.Value,
      max: 1,
      idleTimeoutMillis: 120000,
      connectionTimeoutMillis: 5000,
    });
  }
  return pool;
}

export async function withClient(fn) {
  const p = await getPool();
  const client = await p.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
