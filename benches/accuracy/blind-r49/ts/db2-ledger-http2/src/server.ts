import http2 from "node:http2";
import { readFileSync } from "node:fs";
import { createLedgerStore, type LedgerStore } from "./ledger";

function readJson(stream: http2.ServerHttp2Stream): Promise<any> {
  return new Promise((resolve, reject) => {
    let raw = "";
    stream.setEncoding("utf8");
    stream.on("data", (c) => (raw += c));
    stream.on("end", () => {
      try { resolve(raw ? JSON.parse(raw) : {}); } catch (e) { reject(e); }
    });
  });
}

function reply(stream: http2.ServerHttp2Stream, status: number, body: unknown): void {
  stream.respond({ ":status": status, "content-type": "application/json" });
  stream.end(JSON.stringify(body));
}

function handleStream(store: LedgerStore) {
  return async (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => {
    const method = headers[":method"];
    const path = new URL(String(headers[":path"]), "https://ledger").pathname;
    const m = /^\/accounts\/([A-Z0-9-]+)(\/entries)?$/.exec(path);
    if (!m) return reply(stream, 404, { error: "not found" });

    try {
      if (method === "GET" && !m[2]) {
        const balance = await store.balance(m[1]);
        return balance == null ? reply(stream, 404, { error: "no account" }) : reply(stream, 200, { balance });
      }
      if (method === "POST" && m[2]) {
        const body = await readJson(stream);
        await store.post(m[1], Number(body.amountCents), String(body.memo ?? ""));
        return reply(stream, 201, { ok: true });
      }
      reply(stream, 405, { error: "method not allowed" });
    } catch (err) {
      console.error(err);
      reply(stream, 500, { error: "ledger error" });
    }
  };
}

const store = createLedgerStore(process.env.DB2_CONNSTR ?? "DATABASE=LEDGER;HOSTNAME=db2;PORT=50000;PROTOCOL=TCPIP;UID=ledger;PWD=secret;");

const server = http2.createSecureServer({
  key: readFileSync(process.env.TLS_KEY ?? "tls/key.pem"),
  cert: readFileSync(process.env.TLS_CERT ?? "tls/cert.pem"),
});
server.on("stream", handleStream(store));
server.listen(Number(process.env.PORT ?? 8443));

process.on("SIGTERM", () => {
  server.close(() => {
    store.close().then(() => process.exit(0));
  });
});
