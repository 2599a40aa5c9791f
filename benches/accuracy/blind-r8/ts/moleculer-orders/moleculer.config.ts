import type { BrokerOptions } from "moleculer";

const config: BrokerOptions = {
	namespace: "shop",
	nodeID: process.env.NODE_ID || undefined,
	transporter: process.env.TRANSPORTER || "nats://localhost:4222",
	logger: { type: "Console", options: { level: "info" } },
	requestTimeout: 10 * 1000,
	retryPolicy: { enabled: true, retries: 3, delay: 200 },
	metrics: { enabled: false },
};

export = config;
