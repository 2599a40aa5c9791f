import https from "node:https";
import axios, { type AxiosInstance } from "axios";
import knex, { type Knex } from "knex";

export function createDb(): Knex {
  return knex({
    client: "pg",
    connection: process.env.DATABASE_URL,
    pool: { min: 0, max: 5 },
  });
}

export function createPagerDuty(): AxiosInstance {
  return axios.create({
    baseURL: "https://api.pagerduty.com",
    timeout: 8_000,
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 4 }),
    headers: {
      Authorization: `Token token=${process.env.PAGERDUTY_TOKEN}`,
      Accept: "application/vnd.pagerduty+json;version=2",
    },
  });
}

export function createDeployApi(): AxiosInstance {
  return axios.create({
    baseURL: process.env.DEPLOY_API_URL ?? "https://deploy.internal.example",
    timeout: 5_000,
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 2 }),
    headers: { Authorization: `Bearer ${process.env.DEPLOY_API_TOKEN}` },
  });
}
