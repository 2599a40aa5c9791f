import { S3Client } from "@aws-sdk/client-s3";

// Module scope: evaluated once when the Wasp server process loads.
export const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
export const ATTACHMENT_BUCKET = process.env.ATTACHMENT_BUCKET ?? "invoicehub-attachments";
