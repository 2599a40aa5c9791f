import { calendarPool, parseArgs, type ChatMessage, type Reply } from "../lib";

interface Shift {
  user: string;
  schedule: string;
  ends_at: string;
}

export async function handleOncall(message: ChatMessage, reply: Reply): Promise<void> {
  const [schedule = "platform"] = parseArgs(message.msg);

  const calendar = calendarPool();
  const { statusCode, body } = await calendar.request({
    method: "GET",
    path: `/api/v2/schedules/${encodeURIComponent(schedule)}/current`,
    headers: { authorization: `Token ${process.env.ONCALL_API_TOKEN}` },
  });

  if (statusCode === 404) {
    await body.dump();
    await reply(`No schedule called \`${schedule}\`.`);
    return;
  }
  if (statusCode !== 200) {
    await body.dump();
    await reply(`:x: on-call service answered ${statusCode}`);
    return;
  }

  const shifts = (await body.json()) as Shift[];
  if (shifts.length === 0) {
    await reply(`Nobody is on call for *${schedule}* right now :scream:`);
    return;
  }
  const lines = shifts.map(
    (s) => `@${s.user} until ${new Date(s.ends_at).toUTCString()}`,
  );
  await reply(`On call for *${schedule}*:\n${lines.join("\n")}`);
}
