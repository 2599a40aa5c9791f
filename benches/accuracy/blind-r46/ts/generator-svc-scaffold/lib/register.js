import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import pg from 'pg';

export async function registerService({ registryUrl, region, service }) {
  const db = new pg.Client({ connectionString: registryUrl });
  const ssm = new SSMClient({ region });
  try {
    await db.connect();
    await db.query(
      `INSERT INTO services (name, team, runtime, port, created_by)
       VALUES ($1, $2, $3, $4, current_user)`,
      [service.name, service.team, service.runtime, service.port],
    );
    await ssm.send(
      new PutParameterCommand({
        Name: `/services/${service.name}/owner`,
        Value: service.team,
        Type: 'String',
        Overwrite: false,
      }),
    );
  } finally {
    ssm.destroy();
    await db.end();
  }
}
