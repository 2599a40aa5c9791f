import type { Config, Context } from "@netlify/functions";
import { neon } from "@neondatabase/serverless";

const sql = neon(process.env.DATABASE_URL!);

export default async (_req: Request, context: Context) => {
  const code = context.params.code;
  const [inviter, invited] = await sql.transaction([
    sql`SELECT id, email FROM waitlist WHERE referral_code = ${code}`,
    sql`SELECT count(*)::int AS n FROM waitlist WHERE referred_by = ${code}`,
  ]);
  if (inviter.length === 0) return new Response("unknown code", { status: 404 });
  return Response.json({ inviter: inviter[0].email, invited: invited[0].n });
};

export const config: Config = {
  path: "/api/referrals/:code",
};
