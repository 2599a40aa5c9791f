import { createServer } from "node:http";
import { Agent, run } from "@openai/agents";
import { lookupOrder, rememberPreference, searchHelpCenter } from "./tools.js";

const agent = new Agent({
  name: "Support",
  instructions:
    "You are the customer support assistant. Look up orders before answering shipping questions " +
    "and cite help-center articles by URL.",
  model: "gpt-4.1-mini",
  tools: [lookupOrder, searchHelpCenter, rememberPreference],
});

createServer(async (req, res) => {
  if (req.method !== "POST" || req.url !== "/chat") {
    res.writeHead(404).end();
    return;
  }
  let raw = "";
  for await (const chunk of req) raw += chunk;
  const { message } = JSON.parse(raw) as { message: string };

  try {
    const result = await run(agent, message, { maxTurns: 6 });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ reply: result.finalOutput }));
  } catch (err) {
    console.error(err);
    res.writeHead(502).end(JSON.stringify({ error: "agent failed" }));
  }
}).listen(Number(process.env.PORT ?? 8080));
