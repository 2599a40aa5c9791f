import type { V1Namespace } from '@kubernetes/client-node';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { pool } from './db.js';
import { recordEvent } from './audit.js';
import { sqsClient } from './aws.js';

const TENANT_LABEL = 'platform.example.com/tenant';

function tenantOf(ns: V1Namespace): string | undefined {
  return ns.metadata?.labels?.[TENANT_LABEL];
}

export async function onNamespaceAdded(ns: V1Namespace): Promise<void> {
  const tenant = tenantOf(ns);
  const name = ns.metadata?.name;
  if (!tenant || !name) return;

  await pool.query(
    `INSERT INTO tenant_namespaces (tenant, namespace, created_at)
     VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`,
    [tenant, name],
  );

  const sqs = sqsClient();
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.PROVISION_QUEUE_URL,
      MessageBody: JSON.stringify({ action: 'provision', tenant, namespace: name }),
    }),
  );
  await recordEvent('added', name, { tenant });
}

export async function onNamespaceUpdated(ns: V1Namespace): Promise<void> {
  const name = ns.metadata?.name;
  if (!name) return;
  await pool.query('UPDATE tenant_namespaces SET phase = $2 WHERE namespace = $1', [
    name,
    ns.status?.phase ?? 'Unknown',
  ]);
}

export async function onNamespaceDeleted(ns: V1Namespace): Promise<void> {
  const name = ns.metadata?.name;
  if (!name) return;

  const client = await pool.connect();
  await client.query('BEGIN');
  const res = await client.query('DELETE FROM tenant_namespaces WHERE namespace = $1 RETURNING tenant', [name]);
  if (res.rowCount === 0) {
    await client.query('ROLLBACK');
    return;
  }
  await client.query('UPDATE tenants SET namespace_count = namespace_count - 1 WHERE id = $1', [
    res.rows[0].tenant,
  ]);
  await client.query('COMMIT');
  client.release();

  await recordEvent('deleted', name, { tenant: res.rows[0].tenant });
}
