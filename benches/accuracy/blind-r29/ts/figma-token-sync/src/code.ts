// Runs in the Figma plugin sandbox: registered once when the plugin is launched.
type UiMessage =
  | { type: 'apply-tokens'; collection: string; tokens: Record<string, string> }
  | { type: 'save-settings'; endpoint: string; token: string }
  | { type: 'close' };

figma.showUI(__html__, { width: 380, height: 520, themeColors: true });

async function sendSettings(): Promise<void> {
  const endpoint = (await figma.clientStorage.getAsync('endpoint')) ?? 'https://tokens.acme.design';
  const token = (await figma.clientStorage.getAsync('token')) ?? '';
  figma.ui.postMessage({ type: 'settings', endpoint, token, fileKey: figma.fileKey ?? null });
}

function hexToRgb(hex: string): RGB {
  const v = hex.replace('#', '');
  const n = parseInt(v.length === 3 ? v.split('').map((c) => c + c).join('') : v, 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

async function applyTokens(collectionName: string, tokens: Record<string, string>): Promise<number> {
  const collections = await figma.variables.getLocalVariableCollectionsAsync();
  const collection =
    collections.find((c) => c.name === collectionName) ?? figma.variables.createVariableCollection(collectionName);
  const modeId = collection.modes[0].modeId;
  const existing = await figma.variables.getLocalVariablesAsync('COLOR');
  let changed = 0;
  for (const [name, hex] of Object.entries(tokens)) {
    let variable = existing.find((v) => v.name === name && v.variableCollectionId === collection.id);
    if (!variable) variable = figma.variables.createVariable(name, collection, 'COLOR');
    variable.setValueForMode(modeId, hexToRgb(hex));
    changed++;
  }
  return changed;
}

figma.ui.onmessage = async (msg: UiMessage) => {
  switch (msg.type) {
    case 'apply-tokens': {
      const n = await applyTokens(msg.collection, msg.tokens);
      figma.notify(`Token Sync: updated ${n} variables`);
      figma.ui.postMessage({ type: 'applied', count: n });
      break;
    }
    case 'save-settings':
      await figma.clientStorage.setAsync('endpoint', msg.endpoint);
      await figma.clientStorage.setAsync('token', msg.token);
      await sendSettings();
      break;
    case 'close':
      figma.closePlugin();
      break;
  }
};

figma.on('selectionchange', () => {
  const names = figma.currentPage.selection.map((n) => n.name).slice(0, 20);
  figma.ui.postMessage({ type: 'selection', names });
});

void sendSettings();
