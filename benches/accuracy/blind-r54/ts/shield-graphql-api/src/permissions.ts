import { allow, and, rule, shield } from 'graphql-shield';
import Redis from 'ioredis';
import { Context, projectOrg } from './db';

const PLAN_LIMITS: Record<string, number> = {
  free: 200,
  team: 5_000,
  enterprise: 100_000,
};

const isAuthenticated = rule({ cache: 'contextual' })(
  async (_parent, _args, ctx: Context) => ctx.user !== null
);

const isEditor = rule({ cache: 'contextual' })(
  async (_parent, _args, ctx: Context) => ctx.user?.role === 'owner' || ctx.user?.role === 'member'
);

const ownsProject = rule({ cache: 'strict' })(
  async (_parent, args: { projectId: string }, ctx: Context) => {
    const orgId = await projectOrg(args.projectId);
    return orgId !== null && orgId === ctx.user?.orgId;
  }
);

const withinPlanQuota = rule({ cache: 'contextual' })(
  async (_parent, _args, ctx: Context) => {
    if (!ctx.user) return false;
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    const day = new Date().toISOString().slice(0, 10);
    const key = `quota:${ctx.user.orgId}:${day}`;
    const used = await redis.incr(key);
    if (used === 1) {
      await redis.expire(key, 86_400);
    }
    const limit = PLAN_LIMITS[ctx.user.plan] ?? PLAN_LIMITS.free;
    return used <= limit ? true : new Error(`Daily mutation quota of ${limit} reached`);
  }
);

export const permissions = shield(
  {
    Query: {
      me: isAuthenticated,
      projects: isAuthenticated,
      project: and(isAuthenticated, ownsProject),
    },
    Mutation: {
      createTask: and(isAuthenticated, isEditor, ownsProject, withinPlanQuota),
      completeTask: and(isAuthenticated, isEditor, withinPlanQuota),
    },
  },
  { fallbackRule: allow, allowExternalErrors: true }
);
