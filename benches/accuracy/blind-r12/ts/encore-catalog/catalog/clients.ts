import { Client } from "@elastic/elasticsearch";
import { S3Client } from "@aws-sdk/client-s3";
import { secret } from "encore.dev/config";

const elasticApiKey = secret("ElasticApiKey");

// Each tenant lives in its own Elastic deployment. One client per tenant,
// created on first use and reused by every request for that tenant.
const searchClients = new Map<string, Client>();

export function searchClientFor(tenant: string): Client {
  let client = searchClients.get(tenant);
  if (!client) {
    client = new Client({
      node: `https://${tenant}.es.eu-west-1.aws.elastic-cloud.com`,
      auth: { apiKey: elasticApiKey() },
    });
    searchClients.set(tenant, client);
  }
  return client;
}

let s3: S3Client | undefined;

export function images(): S3Client {
  if (!s3) {
    s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
  }
  return s3;
}
