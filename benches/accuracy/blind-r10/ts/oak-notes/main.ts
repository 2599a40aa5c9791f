import { Application } from "@oak/oak";
import { rateLimit } from "./middleware/ratelimit.ts";
import { notes } from "./routes/notes.ts";

const app = new Application();

app.use(async (ctx, next) => {
  const start = performance.now();
  await next();
  ctx.response.headers.set("x-response-time", `${(performance.now() - start).toFixed(1)}ms`);
});

app.use(rateLimit);
app.use(notes.routes());
app.use(notes.allowedMethods());

const port = Number(Deno.env.get("PORT") ?? 8000);
console.log(`notes api listening on :${port}`);
await app.listen({ port });
