import { describe, expect, it } from "vitest";
import { applyDiscount, subtotal } from "../src/pricing";

describe("pricing", () => {
  it("sums line items", () => {
    expect(subtotal([{ sku: "a", unitPrice: 2.5, quantity: 4 }, { sku: "b", unitPrice: 1, quantity: 1 }])).toBe(11);
  });

  it("applies a percentage discount", () => {
    expect(applyDiscount(200, 15)).toBe(170);
  });

  it("rejects discounts above 100%", () => {
    expect(() => applyDiscount(10, 120)).toThrow(RangeError);
  });
});
