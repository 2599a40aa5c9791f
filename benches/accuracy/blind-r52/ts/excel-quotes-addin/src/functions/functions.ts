/* global CustomFunctions, OfficeRuntime */
import * as signalR from "@microsoft/signalr";
import { getPriceHub, subscribePrice } from "./hub";
import { openOrderHub, describeStatus } from "./orders";

const HUB_BASE = "https://quotes.example-broker.com/hubs";

async function accessToken(): Promise<string> {
  const token = await OfficeRuntime.storage.getItem("broker_token");
  if (!token) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "Sign in from the task pane first");
  }
  return token;
}

/**
 * Returns the last traded price for a symbol.
 * @customfunction QUOTE
 * @param symbol Ticker symbol, e.g. "MSFT"
 * @returns Last traded price.
 */
export async function quote(symbol: string): Promise<number> {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${HUB_BASE}/quotes`, { accessTokenFactory: accessToken })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  await connection.start();
  const price = await connection.invoke<number | null>("GetLastPrice", symbol.trim().toUpperCase());
  if (price === null) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `No price for ${symbol}`);
  }
  return price;
}

/**
 * Returns the status of a broker order.
 * @customfunction ORDERSTATUS
 * @param orderId Broker order id
 * @returns Human readable status.
 */
export async function orderStatus(orderId: string): Promise<string> {
  const hub = await openOrderHub(accessToken);
  const status = await hub.invoke<{ state: string; filledQty: number; qty: number } | null>(
    "GetOrder",
    orderId.trim(),
  );
  if (!status) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unknown order ${orderId}`);
  }
  return describeStatus(status);
}

/**
 * Streams the live price for a symbol into the cell.
 * @customfunction STREAMPRICE
 * @param symbol Ticker symbol
 * @param invocation Streaming invocation
 */
export function streamPrice(symbol: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  const key = symbol.trim().toUpperCase();
  let unsubscribe: (() => Promise<void>) | undefined;

  invocation.onCanceled = () => {
    void unsubscribe?.();
  };

  getPriceHub(accessToken)
    .then(async (hub) => {
      unsubscribe = await subscribePrice(hub, key, (price) => invocation.setResult(price));
    })
    .catch((err: Error) => {
      invocation.setResult(new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, err.message) as never);
    });
}

CustomFunctions.associate("QUOTE", quote);
CustomFunctions.associate("ORDERSTATUS", orderStatus);
CustomFunctions.associate("STREAMPRICE", streamPrice);
