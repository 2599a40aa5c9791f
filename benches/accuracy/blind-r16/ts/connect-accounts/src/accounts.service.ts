import { Code, ConnectError, type HandlerContext, type ServiceImpl } from '@connectrpc/connect';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { AccountService } from './gen/accounts/v1/accounts_connect.js';
import { accounts } from './schema.js';
import { tenantDb } from './tenants.js';

function tenantOf(ctx: HandlerContext): string {
  const id = ctx.requestHeader.get('x-tenant-id');
  if (!id) throw new ConnectError('missing x-tenant-id', Code.InvalidArgument);
  return id;
}

const toMessage = (row: typeof accounts.$inferSelect) => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  plan: row.plan,
});

export const accountsImpl: ServiceImpl<typeof AccountService> = {
  async getAccount(req, ctx) {
    const db = await tenantDb(tenantOf(ctx));
    const row = await db.query.accounts.findFirst({ where: eq(accounts.id, req.id) });
    if (!row) throw new ConnectError(`account ${req.id} not found`, Code.NotFound);
    return toMessage(row);
  },

  async listAccounts(req, ctx) {
    const db = await tenantDb(tenantOf(ctx));
    const pageSize = Math.min(req.pageSize || 50, 200);
    const rows = await db
      .select()
      .from(accounts)
      .where(req.pageToken ? gt(accounts.id, req.pageToken) : undefined)
      .orderBy(asc(accounts.id))
      .limit(pageSize + 1);
    const page = rows.slice(0, pageSize);
    return {
      accounts: page.map(toMessage),
      nextPageToken: rows.length > pageSize ? page[page.length - 1].id : '',
    };
  },

  async updatePlan(req, ctx) {
    const db = await tenantDb(tenantOf(ctx));
    const [row] = await db
      .update(accounts)
      .set({ plan: req.plan, updatedAt: new Date() })
      .where(and(eq(accounts.id, req.id)))
      .returning();
    if (!row) throw new ConnectError(`account ${req.id} not found`, Code.NotFound);
    return toMessage(row);
  },
};
