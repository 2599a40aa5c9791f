import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { lookupOrderTool, refundEligibilityTool, shippingStatusTool } from "../tools/orders";
import { relatedArticlesTool } from "../tools/knowledge";

export const supportAgent = new Agent({
  name: "Support Agent",
  instructions: `You are a customer support assistant for an online shop.
Always look up the order before answering questions about it. Never promise a refund
unless refund-eligibility says the order is eligible.`,
  model: openai("gpt-4o-mini"),
  tools: {
    lookupOrderTool,
    shippingStatusTool,
    refundEligibilityTool,
    relatedArticlesTool,
  },
});
