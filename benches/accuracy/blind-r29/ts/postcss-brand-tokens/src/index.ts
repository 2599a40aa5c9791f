import type { PluginCreator, Root, Result } from 'postcss';
import { tokensFor, type TokenMap } from './tokens';

export interface BrandTokensOptions {
  brand: string;
  theme?: string;
  /** fail the build on unknown tokens instead of warning */
  strict?: boolean;
}

const TOKEN_CALL = /token\(\s*(--[\w-]+)\s*(?:,\s*([^)]+))?\)/g;

function substitute(value: string, tokens: TokenMap, onMissing: (name: string) => void): string {
  return value.replace(TOKEN_CALL, (_m, name: string, fallback?: string) => {
    const v = tokens.get(name);
    if (v !== undefined) return v;
    onMissing(name);
    return fallback?.trim() ?? `var(${name})`;
  });
}

const plugin: PluginCreator<BrandTokensOptions> = (opts) => {
  if (!opts?.brand) throw new Error('postcss-brand-tokens: `brand` option is required');
  const theme = opts.theme ?? 'default';

  return {
    postcssPlugin: 'postcss-brand-tokens',

    // Runs once per CSS file processed.
    async Once(root: Root, { result }: { result: Result }) {
      if (!root.toString().includes('token(')) return;
      const tokens = await tokensFor(opts.brand, theme);

      root.walkDecls((decl) => {
        if (!decl.value.includes('token(')) return;
        decl.value = substitute(decl.value, tokens, (name) => {
          const text = `unknown brand token ${name} for ${opts.brand}/${theme}`;
          if (opts.strict) throw decl.error(text, { word: name });
          decl.warn(result, text, { word: name });
        });
      });

      root.walkAtRules('media', (rule) => {
        if (rule.params.includes('token(')) {
          rule.params = substitute(rule.params, tokens, (name) => rule.warn(result, `unknown token ${name}`));
        }
      });
    },
  };
};

plugin.postcss = true;

export default plugin;
