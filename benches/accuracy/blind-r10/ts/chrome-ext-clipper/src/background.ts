import { addDoc, collection, getDocs, limit, orderBy, query, serverTimestamp } from 'firebase/firestore';
import { getDb } from './firebase';

interface Clip {
  url: string;
  title: string;
  selection: string;
}

type ClipMessage = ({ type: 'clip:save' } & Clip) | { type: 'clip:recent' };

async function currentUser(): Promise<string> {
  const { userId } = await chrome.storage.local.get('userId');
  if (!userId) throw new Error('not signed in');
  return userId as string;
}

async function saveClip(clip: Clip) {
  const userId = await currentUser();
  const ref = await addDoc(collection(getDb(), 'users', userId, 'clips'), {
    ...clip,
    createdAt: serverTimestamp(),
  });
  await chrome.storage.local.set({ lastSavedAt: Date.now() });
  return ref.id;
}

async function handle(message: ClipMessage) {
  switch (message.type) {
    case 'clip:save':
      return { ok: true, id: await saveClip(message) };
    case 'clip:recent': {
      const userId = await currentUser();
      const snap = await getDocs(
        query(collection(getDb(), 'users', userId, 'clips'), orderBy('createdAt', 'desc'), limit(20)),
      );
      return { ok: true, clips: snap.docs.map((d) => ({ id: d.id, ...d.data() })) };
    }
  }
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: 'save-selection', title: 'Save selection to Clipper', contexts: ['selection'] });
  chrome.alarms.create('flush-pending', { periodInMinutes: 5 });
});

chrome.runtime.onMessage.addListener((message: ClipMessage, _sender, sendResponse) => {
  handle(message).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err) }));
  return true;
});

chrome.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== 'save-selection' || !tab?.url) return;
  const clip = { url: tab.url, title: tab.title ?? tab.url, selection: info.selectionText ?? '' };
  try {
    await saveClip(clip);
  } catch {
    const { pending = [] } = await chrome.storage.local.get('pending');
    await chrome.storage.local.set({ pending: [...pending, clip] });
  }
});

chrome.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== 'flush-pending') return;
  const { pending = [] } = await chrome.storage.local.get('pending');
  const failed: Clip[] = [];
  for (const clip of pending as Clip[]) {
    try {
      await saveClip(clip);
    } catch {
      failed.push(clip);
    }
  }
  await chrome.storage.local.set({ pending: failed });
});
