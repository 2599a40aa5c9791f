import { ordersFor, priceOrder, saveOrder } from "../src/orders";
import { testDb } from "./helpers/database";

const lines = [
  { sku: "MUG-01", qty: 2, unitCents: 1250 },
  { sku: "TEE-04", qty: 1, unitCents: 2400 },
];

describe("priceOrder", () => {
  it("applies discount before tax", () => {
    const totals = priceOrder(lines, 10, 0.2);
    expect(totals.subtotalCents).toBe(4900);
    expect(totals.discountCents).toBe(490);
    expect(totals.taxCents).toBe(882);
    expect(totals.totalCents).toBe(5292);
  });

  it("rejects impossible discounts", () => {
    expect(() => priceOrder(lines, 120, 0.2)).toThrowError(RangeError);
  });
});

describe("saveOrder", () => {
  it("persists totals and returns an id", async () => {
    const totals = priceOrder(lines, 0, 0.2);
    const id = await saveOrder(testDb(), "cust-1", lines, totals);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const saved = await ordersFor(testDb(), "cust-1");
    expect(saved).toEqual([{ id, total_cents: totals.totalCents }]);
  });

  it("keeps customers apart", async () => {
    const totals = priceOrder(lines, 5, 0.2);
    await saveOrder(testDb(), "cust-1", lines, totals);
    await saveOrder(testDb(), "cust-2", lines, totals);
    expect((await ordersFor(testDb(), "cust-2")).length).toBe(1);
  });

  it("works inside a transaction that is rolled back", async () => {
    const client = await testDb().connect();
    try {
      await client.query("BEGIN");
      await saveOrder(client, "cust-3", lines, priceOrder(lines, 0, 0));
      expect((await ordersFor(client, "cust-3")).length).toBe(1);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    expect((await ordersFor(testDb(), "cust-3")).length).toBe(0);
  });
});
