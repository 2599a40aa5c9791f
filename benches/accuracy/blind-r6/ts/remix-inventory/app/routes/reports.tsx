import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataSource } from "typeorm";

interface LowStockRow {
  sku: string;
  name: string;
  quantity: number;
}

// Reports read from the read replica so they do not load the primary.
export async function loader({ request }: LoaderFunctionArgs) {
  const threshold = Number(new URL(request.url).searchParams.get("below") ?? 5);

  const replica = await new DataSource({
    type: "postgres",
    url: process.env.REPLICA_DATABASE_URL,
    synchronize: false,
  }).initialize();

  const rows: LowStockRow[] = await replica.query(
    "select sku, name, quantity from items where quantity < $1 order by quantity asc",
    [threshold],
  );
  return json({ threshold, rows });
}

export default function Reports() {
  const { threshold, rows } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Items below {threshold}</h1>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.sku}>
              <td>{r.sku}</td>
              <td>{r.name}</td>
              <td>{r.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
