import OrderStatus from "./actions/order-status";
import Handoff from "./actions/handoff";

// Botonic resolves one route per incoming user message and runs the
// matching action's botonicInit before rendering the reply.
export const routes = [
  { path: "order-status", text: /(where('?s| is) my order|order status|track)/i, action: OrderStatus },
  { path: "order-status", text: /\b[A-Z]{2}-\d{6}\b/i, action: OrderStatus },
  { path: "handoff", payload: "HANDOFF", action: Handoff },
  { path: "handoff", text: /(agent|human|person)/i, action: Handoff },
];

export const locales = {
  en: {
    greeting: ["Hi! I can help you track an order or put you in touch with our team."],
    fallback: ["Sorry, I didn't get that. Try 'where is my order' or 'talk to an agent'."],
  },
};

export const plugins = [];

export const webchat = {
  theme: {
    style: { fontFamily: "Inter, sans-serif" },
    brand: { color: "#0f766e" },
  },
  enableUserInput: true,
};

export const app = {
  routes,
  locales,
  plugins,
  webchat,
  defaultDelay: 0,
  defaultTyping: 0.4,
};
