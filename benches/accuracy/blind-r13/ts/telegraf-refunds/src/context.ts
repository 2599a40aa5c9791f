import type { Scenes } from "telegraf";

export interface RefundSession extends Scenes.WizardSessionData {
  orderId?: string;
  amountCents?: number;
}

export type BotContext = Scenes.WizardContext<RefundSession>;
