import { handleRender, handleSend, type InvoiceJob } from "./handlers.ts";
import { sql } from "./db.ts";

const kv = await Deno.openKv();
const MAX_SEND_ATTEMPTS = 5;

function isInvoiceJob(value: unknown): value is InvoiceJob {
  return typeof value === "object" && value !== null && "type" in value && "invoiceId" in value;
}

kv.listenQueue(async (msg: unknown) => {
  if (!isInvoiceJob(msg)) {
    console.warn("dropping unknown queue message", msg);
    return;
  }

  switch (msg.type) {
    case "render":
      await handleRender(msg.invoiceId);
      await kv.enqueue({ type: "send", invoiceId: msg.invoiceId, attempt: 1 } satisfies InvoiceJob);
      break;
    case "send": {
      const ok = await handleSend(msg.invoiceId, msg.attempt);
      if (!ok && msg.attempt < MAX_SEND_ATTEMPTS) {
        await kv.enqueue(
          { type: "send", invoiceId: msg.invoiceId, attempt: msg.attempt + 1 } satisfies InvoiceJob,
          { delay: 2 ** msg.attempt * 60_000 },
        );
      }
      break;
    }
  }
});

Deno.serve({ port: Number(Deno.env.get("PORT") ?? 8000) }, async (req) => {
  const url = new URL(req.url);

  if (req.method === "POST" && url.pathname === "/invoices/finalize") {
    const { invoiceId } = await req.json();
    const [row] = await sql<{ id: string }[]>`
      update invoices set status = 'draft', finalized_at = now()
      where id = ${invoiceId} and finalized_at is null
      returning id
    `;
    if (!row) return new Response("already finalized", { status: 409 });
    await kv.enqueue({ type: "render", invoiceId } satisfies InvoiceJob);
    return Response.json({ queued: invoiceId }, { status: 202 });
  }

  if (req.method === "GET" && url.pathname === "/healthz") {
    await sql`select 1`;
    return new Response("ok");
  }

  return new Response("not found", { status: 404 });
});
