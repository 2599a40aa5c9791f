import { createAction, Property } from '@activepieces/pieces-framework';
import { Pool } from 'pg';
import { warehouseAuth, WarehouseAuth } from '../auth';

export const upsertCustomer = createAction({
  auth: warehouseAuth,
  name: 'upsert_customer',
  displayName: 'Upsert customer',
  description: 'Insert a customer into the warehouse or update the existing row (matched by email).',
  props: {
    email: Property.ShortText({ displayName: 'Email', required: true }),
    fullName: Property.ShortText({ displayName: 'Full name', required: false }),
    plan: Property.StaticDropdown({
      displayName: 'Plan',
      required: true,
      defaultValue: 'free',
      options: {
        options: [
          { label: 'Free', value: 'free' },
          { label: 'Team', value: 'team' },
          { label: 'Enterprise', value: 'enterprise' },
        ],
      },
    }),
  },
  async run(context) {
    const auth = context.auth as WarehouseAuth;
    const pool = new Pool({ connectionString: auth.connectionString, max: 5 });

    const { rows } = await pool.query(
      `INSERT INTO customers (email, full_name, plan, updated_at)
       VALUES (lower($1), $2, $3, now())
       ON CONFLICT (email) DO UPDATE
         SET full_name = COALESCE(EXCLUDED.full_name, customers.full_name),
             plan = EXCLUDED.plan,
             updated_at = now()
       RETURNING id, email, plan, (xmax = 0) AS inserted`,
      [context.propsValue.email, context.propsValue.fullName ?? null, context.propsValue.plan],
    );
    return rows[0];
  },
});
