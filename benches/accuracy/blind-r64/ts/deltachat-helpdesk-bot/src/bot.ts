import { startDeltaChat } from "@deltachat/stdio-rpc-server";
import { C } from "@deltachat/jsonrpc-client";
import { closeDb } from "./db.js";
import { handleCommand } from "./handlers.js";

async function main(): Promise<void> {
  const dc = await startDeltaChat(process.env.DC_DATA_DIR ?? "deltachat-data");

  dc.on("Warning", (accountId, { msg }) => console.warn(accountId, "[core:warn]", msg));
  dc.on("Error", (accountId, { msg }) => console.error(accountId, "[core:error]", msg));

  let account = (await dc.rpc.getAllAccounts())[0];
  if (!account) {
    account = await dc.rpc.getAccountInfo(await dc.rpc.addAccount());
  }
  if (account.kind === "Unconfigured") {
    await dc.rpc.batchSetConfig(account.id, {
      addr: process.env.ADDR ?? null,
      mail_pw: process.env.MAIL_PW ?? null,
      bot: "1",
      e2ee_enabled: "1",
    });
    await dc.rpc.configure(account.id);
  } else {
    await dc.rpc.startIo(account.id);
  }

  const accountId = account.id;
  const events = dc.getContextEvents(accountId);

  // One IncomingMsg event per chat message delivered to the bot.
  events.on("IncomingMsg", async ({ chatId, msgId }) => {
    try {
      const chat = await dc.rpc.getBasicChatInfo(accountId, chatId);
      if (chat.chatType !== C.DC_CHAT_TYPE_SINGLE) return;
      const message = await dc.rpc.getMessage(accountId, msgId);
      const contact = await dc.rpc.getContact(accountId, message.fromId);
      await handleCommand(contact.address, message.text ?? "", async (text) => {
        await dc.rpc.miscSendTextMessage(accountId, chatId, text);
      });
    } catch (err) {
      console.error("failed to handle message", msgId, err);
    }
  });

  const shutdown = async () => {
    await closeDb();
    dc.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  console.info("helpdesk bot running as", await dc.rpc.getConfig(accountId, "addr"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
