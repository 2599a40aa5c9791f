/**
 * Usage in stylelint.config.js:
 *
 *   export default {
 *     plugins: ['@northwind/stylelint-plugin-tokens'],
 *     rules: {
 *       'northwind/color-token': true,
 *       'northwind/spacing-scale': [true, { ignoreZero: true }],
 *     },
 *   };
 *
 * Needs DESIGN_TOKENS_DATABASE_URL (read-only role) in the environment;
 * CI gets it from the `design-tokens-ro` secret.
 */
import colorToken from './rules/color-token.js';
import spacingScale from './rules/spacing-scale.js';

const plugins = [colorToken, spacingScale];

export const rules = Object.fromEntries(plugins.map((p) => [p.ruleName, p]));

export const recommended = {
  plugins: ['@northwind/stylelint-plugin-tokens'],
  rules: {
    'northwind/color-token': true,
    'northwind/spacing-scale': [true, { ignoreZero: true }],
  },
};

if (!process.env.DESIGN_TOKENS_DATABASE_URL) {
  console.warn(
    '[@northwind/stylelint-plugin-tokens] DESIGN_TOKENS_DATABASE_URL is not set; token rules will fail to load',
  );
}

export default plugins;
