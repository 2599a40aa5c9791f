import {
  CloudWatchLogsClient,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { firstTime } from "./dedupe";
import { AuditRecord, openAudit } from "./store";

export interface DockerEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  timeNano: number;
}

const TRACKED = new Set(["create", "start", "die", "oom", "kill", "destroy"]);

export async function handleEvent(evt: DockerEvent): Promise<void> {
  if (evt.Type !== "container" || !TRACKED.has(evt.Action)) return;
  if (!(await firstTime(`${evt.Actor.ID}:${evt.Action}:${evt.timeNano}`))) return;

  const record: AuditRecord = {
    containerId: evt.Actor.ID,
    name: evt.Actor.Attributes.name ?? "",
    image: evt.Actor.Attributes.image ?? "",
    action: evt.Action,
    exitCode: evt.Actor.Attributes.exitCode
      ? Number(evt.Actor.Attributes.exitCode)
      : undefined,
    at: new Date(evt.time * 1000),
  };

  const mongo = openAudit();
  try {
    await mongo.connect();
    await mongo.db("ops").collection<AuditRecord>("container_events").insertOne(record);
  } finally {
    await mongo.close();
  }

  if (evt.Action === "die" && record.exitCode && record.exitCode !== 0) {
    await shipCrash(record);
  }
}

async function shipCrash(record: AuditRecord): Promise<void> {
  const logs = new CloudWatchLogsClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: "/ops/container-crashes",
      logStreamName: process.env.HOSTNAME ?? "docker-host",
      logEvents: [{ timestamp: Date.now(), message: JSON.stringify(record) }],
    }),
  );
}
