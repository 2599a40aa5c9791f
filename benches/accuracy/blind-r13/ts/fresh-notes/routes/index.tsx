import { Handlers, PageProps } from "$fresh/server.ts";
import LiveNotes from "../islands/LiveNotes.tsx";
import { State } from "../utils/db.ts";

interface Row {
  id: string;
  title: string;
}

export const handler: Handlers<Row[], State> = {
  async GET(_req, ctx) {
    const { rows } = await ctx.state.pool.query<Row>(
      "SELECT id, title FROM notes WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT 50",
      [ctx.state.userId],
    );
    return ctx.render(rows);
  },
};

export default function Home({ data }: PageProps<Row[]>) {
  return (
    <main>
      <h1>Notes</h1>
      <LiveNotes initial={data} />
    </main>
  );
}
