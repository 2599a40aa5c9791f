import type { FieldDoc } from "../types.js";
import { saveInspection } from "./inspection.js";
import { saveDefect } from "./defect.js";

type DocHandler = (doc: FieldDoc) => Promise<void>;

const handlers: Partial<Record<FieldDoc["type"], DocHandler>> = {
  inspection: saveInspection,
  defect: saveDefect,
};

export async function dispatch(doc: FieldDoc): Promise<void> {
  const handler = handlers[doc.type];
  if (!handler) return;
  await handler(doc);
}
