import { serve } from '@upstash/workflow/express';
import type pg from 'pg';
import { request } from 'undici';
import { withClient } from '../db.js';

export interface OnboardingDeps {
  pool: pg.Pool;
  crmBaseUrl: string;
  crmToken: string;
}

interface Account {
  id: string;
  email: string;
  plan: string;
  activated: boolean;
}

// Called once from main(); the returned handler is invoked by QStash for every workflow step.
export function makeOnboardingWorkflow(deps: OnboardingDeps) {
  return serve<{ accountId: string }>(async (context) => {
    const { accountId } = context.requestPayload;

    const account = await context.run('load-account', () =>
      withClient(deps.pool, async (client) => {
        const { rows } = await client.query<Account>(
          'SELECT id, email, plan, activated FROM accounts WHERE id = $1',
          [accountId],
        );
        return rows[0];
      }),
    );
    if (!account) return;

    await context.run('create-crm-contact', async () => {
      const { statusCode, body } = await request(`${deps.crmBaseUrl}/v2/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deps.crmToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, plan: account.plan, source: 'signup' }),
      });
      await body.dump();
      if (statusCode >= 300) throw new Error(`CRM responded ${statusCode}`);
    });

    await context.sleep('trial-grace-period', 60 * 60 * 24 * 3);

    const activated = await context.run('check-activation', async () => {
      const { rows } = await deps.pool.query<{ activated: boolean }>(
        'SELECT activated FROM accounts WHERE id = $1',
        [accountId],
      );
      return rows[0]?.activated ?? false;
    });

    await context.run('record-outcome', () =>
      withClient(deps.pool, async (client) => {
        await client.query(
          `INSERT INTO onboarding_outcomes (account_id, activated, decided_at)
           VALUES ($1, $2, now()) ON CONFLICT (account_id) DO UPDATE SET activated = EXCLUDED.activated`,
          [accountId, activated],
        );
      }),
    );
  });
}
