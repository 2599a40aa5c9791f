import { axios } from "@pipedream/platform";
import { listSkus } from "./common/db.mjs";

export default {
  type: "app",
  app: "warehouse",
  propDefinitions: {
    sku: {
      type: "string",
      label: "SKU",
      description: "The stock keeping unit to operate on",
      async options({ prevContext }) {
        const offset = prevContext?.offset ?? 0;
        const skus = await listSkus(offset, 50);
        return {
          options: skus.map((row) => ({ label: `${row.sku} — ${row.title}`, value: row.sku })),
          context: { offset: offset + skus.length },
        };
      },
    },
    channel: {
      type: "string",
      label: "Sales channel",
      options: ["web", "marketplace", "retail"],
      default: "web",
    },
  },
  methods: {
    _baseUrl() {
      return "https://wms.acme.internal/api/v1";
    },
    async getLeadTime($, sku) {
      const { leadTimeDays } = await axios($, {
        url: `${this._baseUrl()}/suppliers/lead-time`,
        params: { sku },
        headers: { Authorization: `Bearer ${this.$auth.api_token}` },
      });
      return leadTimeDays;
    },
  },
};
