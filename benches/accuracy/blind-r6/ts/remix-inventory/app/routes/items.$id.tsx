import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDataSource } from "~/db.server";
import { Item } from "~/entities/Item";
import { StockMovement } from "~/entities/StockMovement";

export async function loader({ params }: LoaderFunctionArgs) {
  const ds = await getDataSource();
  const item = await ds.getRepository(Item).findOne({
    where: { id: Number(params.id) },
    relations: { movements: true },
  });
  if (!item) throw new Response("Not found", { status: 404 });
  return json({ item });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const delta = Number(form.get("delta"));
  const reason = String(form.get("reason") ?? "manual");

  const ds = await getDataSource();
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();

  const item = await runner.manager.findOne(Item, {
    where: { id: Number(params.id) },
    lock: { mode: "pessimistic_write" },
  });
  if (!item) {
    await runner.rollbackTransaction();
    return json({ error: "not found" }, { status: 404 });
  }
  if (item.quantity + delta < 0) {
    await runner.rollbackTransaction();
    return json({ error: "insufficient stock" }, { status: 409 });
  }

  item.quantity += delta;
  await runner.manager.save(item);
  await runner.manager.insert(StockMovement, { item, delta, reason });
  await runner.commitTransaction();
  await runner.release();

  return json({ ok: true, quantity: item.quantity });
}

export default function ItemPage() {
  const { item } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main>
      <h1>
        {item.name} <small>{item.sku}</small>
      </h1>
      <p>In stock: {item.quantity}</p>
      <Form method="post">
        <input name="delta" type="number" required />
        <input name="reason" placeholder="reason" />
        <button type="submit">Adjust</button>
      </Form>
      {result && "error" in result ? <p role="alert">{result.error}</p> : null}
      <ul>
        {item.movements.map((m) => (
          <li key={m.id}>
            {m.delta > 0 ? "+" : ""}
            {m.delta} ({m.reason})
          </li>
        ))}
      </ul>
    </main>
  );
}
