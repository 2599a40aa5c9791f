import type { Route } from "./+types/home";
import { sql } from "../db.server";

export async function loader(_: Route.LoaderArgs) {
  const rooms = await sql<{ id: number; name: string }[]>`select id, name from rooms order by name`;
  return { rooms };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <ul>
      {loaderData.rooms.map((r) => (
        <li key={r.id}>{r.name}</li>
      ))}
    </ul>
  );
}
