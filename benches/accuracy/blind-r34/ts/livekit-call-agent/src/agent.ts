import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { type JobContext, type JobProcess, WorkerOptions, cli, defineAgent } from '@livekit/agents';
import { RoomEvent, type RemoteParticipant } from '@livekit/rtc-node';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createCallStore } from './store.js';
import { publishDataEvent } from './events.js';

const decoder = new TextDecoder();

export default defineAgent({
  // Runs once when the worker spins up a job process.
  prewarm: async (proc: JobProcess) => {
    proc.userData.s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  },

  // Runs for every dispatched job (one per room / call).
  entry: async (ctx: JobContext) => {
    await ctx.connect();
    const callId = randomUUID();
    const s3 = ctx.proc.userData.s3 as S3Client;
    const store = createCallStore();
    await store.startCall(callId, ctx.room.name ?? 'unknown', 'support-agent');

    const transcript: string[] = [];

    ctx.room.on(
      RoomEvent.DataReceived,
      (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
        const text = decoder.decode(payload);
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // plain text packet
        }
        if (topic === 'transcript') {
          transcript.push(`${participant?.identity ?? 'agent'}: ${text}`);
          void store.saveTranscript({
            callId,
            speaker: participant?.identity ?? 'agent',
            text,
            at: new Date(),
          });
        }
        void publishDataEvent({
          room: ctx.room.name ?? '',
          participant: participant?.identity,
          topic,
          body,
        });
      },
    );

    ctx.addShutdownCallback(async () => {
      const key = `transcripts/${callId}.txt`;
      await s3.send(
        new PutObjectCommand({
          Bucket: process.env.TRANSCRIPT_BUCKET,
          Key: key,
          Body: transcript.join('\n'),
          ContentType: 'text/plain',
        }),
      );
      await store.endCall(callId, key);
    });
  },
});

cli.runApp(new WorkerOptions({ agent: fileURLToPath(import.meta.url) }));
