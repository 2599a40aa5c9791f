import http from "node:http";
import {
  getGraphQLParameters,
  processRequest,
  renderGraphiQL,
  sendResult,
  shouldRenderGraphiQL,
} from "graphql-helix";
import { schema, type Ctx } from "./schema.js";
import { openCatalog } from "./stores.js";

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/graphql") {
    res.writeHead(404).end();
    return;
  }

  const request = {
    body: req.method === "POST" ? await readBody(req) : {},
    headers: req.headers,
    method: req.method ?? "GET",
    query: Object.fromEntries(url.searchParams),
  };

  if (shouldRenderGraphiQL(request)) {
    res.writeHead(200, { "content-type": "text/html" }).end(renderGraphiQL());
    return;
  }

  const { operationName, query, variables } = getGraphQLParameters(request);
  const result = await processRequest<Ctx>({
    operationName,
    query,
    variables,
    request,
    schema,
    contextFactory: () => ({
      catalog: openCatalog(),
      currency: String(req.headers["x-currency"] ?? "EUR"),
    }),
  });

  await sendResult(result, res);
});

server.listen(Number(process.env.PORT ?? 4000), () => console.log("helix-catalog up"));
