import { Transformer } from '@parcel/plugin';
import { catalogFor } from './catalog';

const MESSAGE_CALL = /\bt\(\s*['"]([\w.-]+)['"]\s*\)/g;

interface I18nConfig {
  locale: string;
}

export default new Transformer<I18nConfig>({
  async loadConfig({ config }) {
    const result = await config.getConfig<{ locale?: string }>(['.i18nrc', '.i18nrc.json'], {});
    return { locale: result?.contents.locale ?? process.env.APP_LOCALE ?? 'en' };
  },

  async transform({ asset, config, logger }) {
    const code = await asset.getCode();
    if (!code.includes('t(')) {
      return [asset];
    }
    const catalog = await catalogFor(config.locale);
    let missing = 0;
    const out = code.replace(MESSAGE_CALL, (whole, key: string) => {
      const text = catalog.get(key);
      if (text === undefined) {
        missing++;
        return whole;
      }
      return JSON.stringify(text);
    });
    if (missing > 0) {
      logger.warn({ message: `${missing} untranslated key(s) in ${asset.filePath} for ${config.locale}` });
    }
    asset.setCode(out);
    return [asset];
  },
});
