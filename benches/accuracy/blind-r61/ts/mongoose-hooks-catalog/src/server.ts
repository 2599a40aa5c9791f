import http from 'node:http';
import mongoose from 'mongoose';
import { redis } from './clients.js';
import { RecipeModel } from './models/recipe.js';

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const slug = url.pathname.match(/^\/recipes\/([\w-]+)$/)?.[1];

    if (req.method === 'GET' && slug) {
      const cached = await redis.get(`recipe:${slug}`);
      if (cached) return send(res, 200, JSON.parse(cached));
      const recipe = await RecipeModel.findOne({ slug, published: true }).lean();
      if (!recipe) return send(res, 404, { error: 'not found' });
      await redis.set(`recipe:${slug}`, JSON.stringify(recipe), 'EX', 300);
      return send(res, 200, recipe);
    }
    if (req.method === 'POST' && url.pathname === '/recipes') {
      const recipe = await new RecipeModel(await readJson(req)).save();
      return send(res, 201, recipe);
    }
    if (req.method === 'DELETE' && slug) {
      const deleted = await RecipeModel.findOneAndDelete({ slug });
      if (!deleted) return send(res, 404, { error: 'not found' });
      res.writeHead(204).end();
      return;
    }
    send(res, 404, { error: 'no route' });
  } catch (err) {
    console.error(err);
    send(res, 500, { error: 'internal error' });
  }
});

async function main(): Promise<void> {
  await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/recipes', {
    maxPoolSize: 10,
    serverSelectionTimeoutMS: 10_000,
  });
  server.listen(Number(process.env.PORT ?? 8080), () => console.log('recipes API up'));

  const shutdown = async () => {
    server.close();
    await mongoose.disconnect();
    await redis.quit();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
