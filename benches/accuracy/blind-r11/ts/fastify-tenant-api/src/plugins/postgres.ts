import fp from 'fastify-plugin';
import { Pool } from 'pg';

declare module 'fastify' {
  interface FastifyInstance {
    pg: Pool;
  }
}

export default fp<{ connectionString: string }>(
  async (fastify, opts) => {
    const pool = new Pool({ connectionString: opts.connectionString, max: 15 });
    await pool.query('SELECT 1');
    fastify.decorate('pg', pool);
    fastify.addHook('onClose', async () => {
      await pool.end();
    });
  },
  { name: 'postgres' },
);
