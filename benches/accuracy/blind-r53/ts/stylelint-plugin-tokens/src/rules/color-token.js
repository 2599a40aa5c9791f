import stylelint from 'stylelint';
import valueParser from 'postcss-value-parser';
import { loadTokens, normaliseColor } from '../tokens.js';

const {
  createPlugin,
  utils: { report, ruleMessages, validateOptions },
} = stylelint;

const ruleName = 'northwind/color-token';

const messages = ruleMessages(ruleName, {
  rejected: (value, token) =>
    token ? `Use var(--${token}) instead of raw colour "${value}"` : `Unexpected colour "${value}" (not a design token)`,
});

const meta = { url: 'https://design.northwind.example/lint/color-token' };

const COLOR_PROPS = /^(color|background(-color)?|border(-\w+)?-color|outline-color|fill|stroke)$/;
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** @type {import('stylelint').Rule} */
const ruleFunction = (primary) => {
  return async (root, result) => {
    const valid = validateOptions(result, ruleName, { actual: primary, possible: [true] });
    if (!valid) return;

    const tokens = await loadTokens();

    root.walkDecls(COLOR_PROPS, (decl) => {
      valueParser(decl.value).walk((node) => {
        if (node.type !== 'word' || !HEX.test(node.value)) return;
        const token = tokens.colors.get(normaliseColor(node.value));
        report({
          message: messages.rejected(node.value, token),
          node: decl,
          result,
          ruleName,
          word: node.value,
        });
      });
    });
  };
};

ruleFunction.ruleName = ruleName;
ruleFunction.messages = messages;
ruleFunction.meta = meta;

export default createPlugin(ruleName, ruleFunction);
