import http from "node:http";
import { getGraphQLParameters, processRequest, renderGraphiQL, sendResult, shouldRenderGraphiQL } from "graphql-helix";
import { getEnveloped } from "./graphql/envelop.js";
import { closeAll } from "./lib/arango.js";

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? JSON.parse(raw) : {};
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/graphql") {
    res.writeHead(404).end();
    return;
  }

  const request = {
    body: req.method === "POST" ? await readJson(req) : undefined,
    headers: req.headers,
    method: req.method ?? "GET",
    query: Object.fromEntries(url.searchParams),
  };

  if (shouldRenderGraphiQL(request)) {
    res.writeHead(200, { "content-type": "text/html" }).end(renderGraphiQL({ endpoint: "/graphql" }));
    return;
  }

  const { parse, validate, contextFactory, execute, schema } = getEnveloped({ req });
  const { operationName, query, variables } = getGraphQLParameters(request);
  const result = await processRequest({
    operationName,
    query,
    variables,
    request,
    schema,
    parse,
    validate,
    execute,
    contextFactory,
  });
  sendResult(result, res);
});

server.listen(Number(process.env.PORT ?? 4000), () => console.log("shipments graphql ready"));

process.once("SIGTERM", () => {
  server.close(async () => {
    await closeAll();
    process.exit(0);
  });
});
