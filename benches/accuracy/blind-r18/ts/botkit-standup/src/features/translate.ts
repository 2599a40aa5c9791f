import type { Botkit } from "botkit";
import { TranslateClient, TranslateTextCommand } from "@aws-sdk/client-translate";

export function registerTranslate(controller: Botkit) {
  controller.hears(/^translate ([a-z]{2}) (.+)$/is, ["direct_message", "app_mention"], async (bot, message) => {
    const [, target, text] = message.matches ?? [];
    if (!target || !text) return;

    const translate = new TranslateClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
    const out = await translate.send(
      new TranslateTextCommand({
        Text: text,
        SourceLanguageCode: "auto",
        TargetLanguageCode: target.toLowerCase(),
      }),
    );
    await bot.reply(message, `(${out.SourceLanguageCode} → ${out.TargetLanguageCode}) ${out.TranslatedText}`);
  });
}
