import https from "node:https";
import axios, { type AxiosInstance } from "axios";

/** Built once in main() and handed to the workers that talk to the PSP. */
export function createPaymentsHttp(): AxiosInstance {
  return axios.create({
    baseURL: process.env.PSP_URL ?? "https://psp.example.com/v1",
    timeout: 10_000,
    headers: { authorization: `Bearer ${process.env.PSP_KEY}` },
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 20 }),
  });
}
