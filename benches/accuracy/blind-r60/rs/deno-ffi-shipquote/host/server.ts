// Checkout helper service. Quotes and pickup-slot holds are computed by the
// Rust library; this file only does HTTP and marshalling.

const libPath = Deno.env.get("SHIPQUOTE_LIB") ?? "../target/release/libshipquote.so";

const lib = Deno.dlopen(libPath, {
  quote_shipping: { parameters: ["buffer", "usize"], result: "i64", nonblocking: true },
  hold_pickup_slot: { parameters: ["buffer", "usize"], result: "i32", nonblocking: true },
});

const enc = new TextEncoder();

function encode(body: unknown): Uint8Array {
  return enc.encode(JSON.stringify(body));
}

Deno.serve({ port: Number(Deno.env.get("PORT") ?? 8088) }, async (req) => {
  const url = new URL(req.url);

  if (req.method === "POST" && url.pathname === "/quote") {
    const buf = encode(await req.json());
    const cents = await lib.symbols.quote_shipping(buf, BigInt(buf.length));
    if (cents < 0n) return new Response("quote unavailable", { status: 502 });
    return Response.json({ cents: Number(cents) });
  }

  if (req.method === "POST" && url.pathname === "/pickup-slot") {
    const buf = encode(await req.json());
    const held = await lib.symbols.hold_pickup_slot(buf, BigInt(buf.length));
    if (held < 0) return new Response("slot service unavailable", { status: 502 });
    return Response.json({ held: held === 1 });
  }

  return new Response("not found", { status: 404 });
});
