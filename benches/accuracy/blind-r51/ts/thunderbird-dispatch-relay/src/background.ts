/// <reference path="./relay.ts" />

const BOARD_URL = 'wss://board.depot.example/ingest/mail';
const relay = new BoardRelay(BOARD_URL);
relay.start();

async function* headers(list: messenger.messages.MessageList) {
  let page: messenger.messages.MessageList | null = list;
  while (page) {
    for (const header of page.messages) yield header;
    page = page.id ? await messenger.messages.continueList(page.id) : null;
  }
}

function plainText(part: messenger.messages.MessagePart): string {
  if (part.contentType === 'text/plain' && part.body) return part.body;
  return (part.parts ?? []).map(plainText).join('\n');
}

// Fired for every batch of new mail in any folder.
messenger.messages.onNewMailReceived.addListener(async (folder, messages) => {
  if (folder.type !== 'inbox') return;
  for await (const header of headers(messages)) {
    if (!/^\[DISPATCH\]/i.test(header.subject)) continue;
    const full = await messenger.messages.getFull(header.id);
    relay.send({
      kind: 'dispatch-request',
      from: header.author,
      subject: header.subject,
      received: header.date,
      body: plainText(full).slice(0, 4000),
    });
    await messenger.messages.update(header.id, { tags: ['$label4'] });
  }
});

messenger.browserAction.onClicked.addListener(() => {
  relay.send({ kind: 'ping', at: new Date().toISOString() });
});
