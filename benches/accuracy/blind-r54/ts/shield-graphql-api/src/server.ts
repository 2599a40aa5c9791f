import express from 'express';
import { graphqlHTTP } from 'express-graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { applyMiddleware } from 'graphql-middleware';
import jwt from 'jsonwebtoken';
import { findUser, pool, Context } from './db';
import { permissions } from './permissions';

const typeDefs = /* GraphQL */ `
  type User { id: ID!, orgId: ID!, role: String! }
  type Project { id: ID!, name: String!, openTasks: Int! }
  type Task { id: ID!, projectId: ID!, title: String!, done: Boolean! }
  type Query {
    me: User
    projects: [Project!]!
    project(projectId: ID!): Project
  }
  type Mutation {
    createTask(projectId: ID!, title: String!): Task!
    completeTask(taskId: ID!): Task!
  }
`;

const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => ctx.user,
    projects: async (_: unknown, __: unknown, ctx: Context) => {
      const { rows } = await ctx.db.query(
        `SELECT p.id, p.name, count(t.*) FILTER (WHERE NOT t.done)::int AS "openTasks"
           FROM projects p LEFT JOIN tasks t ON t.project_id = p.id
          WHERE p.org_id = $1 GROUP BY p.id ORDER BY p.name`,
        [ctx.user!.orgId]
      );
      return rows;
    },
    project: async (_: unknown, args: { projectId: string }, ctx: Context) => {
      const { rows } = await ctx.db.query(`SELECT id, name, 0 AS "openTasks" FROM projects WHERE id = $1`, [
        args.projectId,
      ]);
      return rows[0] ?? null;
    },
  },
  Mutation: {
    createTask: async (_: unknown, args: { projectId: string; title: string }, ctx: Context) => {
      const { rows } = await ctx.db.query(
        `INSERT INTO tasks (project_id, title, done, created_by) VALUES ($1, $2, false, $3)
         RETURNING id, project_id AS "projectId", title, done`,
        [args.projectId, args.title, ctx.user!.id]
      );
      return rows[0];
    },
    completeTask: async (_: unknown, args: { taskId: string }, ctx: Context) => {
      const { rows } = await ctx.db.query(
        `UPDATE tasks SET done = true WHERE id = $1 RETURNING id, project_id AS "projectId", title, done`,
        [args.taskId]
      );
      return rows[0];
    },
  },
};

const schema = applyMiddleware(makeExecutableSchema({ typeDefs, resolvers }), permissions);

async function userFromRequest(req: express.Request) {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const claims = jwt.verify(header.slice(7), process.env.JWT_SECRET!) as { sub: string };
    return await findUser(claims.sub);
  } catch {
    return null;
  }
}

const app = express();

app.use(
  '/graphql',
  graphqlHTTP(async (req) => {
    const user = await userFromRequest(req as express.Request);
    const db = await pool.connect();
    const context: Context = { user, db };
    return {
      schema,
      context,
      graphiql: process.env.NODE_ENV !== 'production',
    };
  })
);

app.get('/healthz', async (_req, res) => {
  await pool.query('SELECT 1');
  res.send('ok');
});

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => console.log(`graphql api on :${port}`));
