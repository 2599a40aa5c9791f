import type { Config } from "@netlify/functions";
import { neon } from "@neondatabase/serverless";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";

const ses = new SESv2Client({ region: process.env.SES_REGION ?? "eu-west-1" });
const sql = neon(process.env.DATABASE_URL!);

export default async () => {
  const rows = await sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE created_at > now() - interval '1 day')::int AS today
    FROM waitlist
  `;
  const { total, today } = rows[0];

  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: "digest@launch.example.com",
      Destination: { ToAddresses: (process.env.DIGEST_RECIPIENTS ?? "").split(",") },
      Content: {
        Simple: {
          Subject: { Data: `Waitlist: +${today} today (${total} total)` },
          Body: { Text: { Data: `${today} new signups in the last 24h. ${total} people are waiting.` } },
        },
      },
    }),
  );
};

export const config: Config = {
  schedule: "0 7 * * *",
};
