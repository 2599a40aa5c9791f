import stylelint from 'stylelint';
import valueParser from 'postcss-value-parser';
import { loadTokens } from '../tokens.js';

const {
  createPlugin,
  utils: { report, ruleMessages, validateOptions },
} = stylelint;

const ruleName = 'northwind/spacing-scale';

const messages = ruleMessages(ruleName, {
  rejected: (value) => `Spacing "${value}" is off the scale; use a --space-* token`,
});

const meta = { url: 'https://design.northwind.example/lint/spacing-scale' };

const SPACING_PROPS = /^(margin|padding|gap|row-gap|column-gap)(-(top|right|bottom|left|inline|block))?$/;
const LENGTH = /^-?\d*\.?\d+(px|rem)$/;

/** @type {import('stylelint').Rule} */
const ruleFunction = (primary, secondary) => {
  return async (root, result) => {
    const valid = validateOptions(
      result,
      ruleName,
      { actual: primary, possible: [true] },
      { actual: secondary, possible: { ignoreZero: [true, false] }, optional: true },
    );
    if (!valid) return;

    const { spacing } = await loadTokens();
    const ignoreZero = secondary?.ignoreZero !== false;

    root.walkDecls(SPACING_PROPS, (decl) => {
      valueParser(decl.value).walk((node) => {
        if (node.type !== 'word' || !LENGTH.test(node.value)) return;
        if (ignoreZero && parseFloat(node.value) === 0) return;
        if (spacing.has(node.value.replace(/^-/, ''))) return;
        report({ message: messages.rejected(node.value), node: decl, result, ruleName, word: node.value });
      });
    });
  };
};

ruleFunction.ruleName = ruleName;
ruleFunction.messages = messages;
ruleFunction.meta = meta;

export default createPlugin(ruleName, ruleFunction);
