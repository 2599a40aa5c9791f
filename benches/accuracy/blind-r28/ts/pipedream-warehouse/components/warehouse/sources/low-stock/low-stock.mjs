import { createClient } from "@clickhouse/client";
import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from "@pipedream/platform";
import warehouse from "../../warehouse.app.mjs";

export default {
  key: "warehouse-low-stock",
  name: "New Low Stock SKU",
  description: "Emit an event when a SKU's 7-day sell-through projects a stockout within the lead time.",
  version: "0.1.3",
  type: "source",
  dedupe: "unique",
  props: {
    warehouse,
    db: "$.service.db",
    timer: {
      type: "$.interface.timer",
      default: { intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL },
    },
    leadTimeDays: {
      type: "integer",
      label: "Lead time (days)",
      default: 7,
    },
    channel: { propDefinition: [warehouse, "channel"] },
  },
  methods: {
    _getLastRun() {
      return this.db.get("lastRun") ?? 0;
    },
    _setLastRun(ts) {
      this.db.set("lastRun", ts);
    },
  },
  async run() {
    const clickhouse = createClient({
      url: process.env.CLICKHOUSE_URL,
      username: process.env.CLICKHOUSE_USER,
      password: process.env.CLICKHOUSE_PASSWORD,
      database: "analytics",
      request_timeout: 60_000,
    });

    const resultSet = await clickhouse.query({
      query: `
        SELECT sku, sum(qty) / 7 AS daily_rate, any(on_hand) AS on_hand
        FROM sales_daily FINAL
        WHERE channel = {channel:String} AND day >= today() - 7
        GROUP BY sku
        HAVING on_hand < daily_rate * {lead:UInt16}
      `,
      query_params: { channel: this.channel, lead: this.leadTimeDays },
      format: "JSONEachRow",
    });
    const rows = await resultSet.json();

    const day = new Date().toISOString().slice(0, 10);
    for (const row of rows) {
      this.$emit(row, {
        id: `${row.sku}-${day}`,
        summary: `${row.sku} runs out in ~${Math.floor(row.on_hand / row.daily_rate)} days`,
        ts: Date.now(),
      });
    }
    console.log(`checked ${rows.length} at-risk SKUs since ${new Date(this._getLastRun()).toISOString()}`);
    this._setLastRun(Date.now());
  },
};
