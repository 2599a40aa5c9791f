import { Pool } from "postgres";

export const pool = new Pool(Deno.env.get("DATABASE_URL"), 10, true);
