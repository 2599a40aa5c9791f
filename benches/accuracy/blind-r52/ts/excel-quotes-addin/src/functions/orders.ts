import * as signalR from "@microsoft/signalr";

const ORDER_HUB_URL = "https://quotes.example-broker.com/hubs/orders";

export interface OrderState {
  state: string;
  filledQty: number;
  qty: number;
}

const LABELS: Record<string, string> = {
  new: "Working",
  partially_filled: "Partially filled",
  filled: "Filled",
  canceled: "Canceled",
  rejected: "Rejected",
  expired: "Expired",
};

/**
 * Opens a connection to the order hub with the user's broker token.
 */
export async function openOrderHub(tokenFactory: () => Promise<string>): Promise<signalR.HubConnection> {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(ORDER_HUB_URL, {
      accessTokenFactory: tokenFactory,
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .configureLogging(signalR.LogLevel.Error)
    .build();

  connection.onclose((err) => {
    if (err) console.warn("order hub closed", err.message);
  });

  await connection.start();
  return connection;
}

export function describeStatus(order: OrderState): string {
  const label = LABELS[order.state] ?? order.state;
  if (order.state === "partially_filled") {
    const pct = order.qty > 0 ? Math.round((order.filledQty / order.qty) * 100) : 0;
    return `${label} (${order.filledQty}/${order.qty}, ${pct}%)`;
  }
  return label;
}
