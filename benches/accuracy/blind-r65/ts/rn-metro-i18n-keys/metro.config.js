const { getDefaultConfig, mergeConfig } = require('@react-native/metro-config');

/**
 * Metro configuration
 * https://reactnative.dev/docs/metro
 *
 * @type {import('metro-config').MetroConfig}
 */
const config = {
  transformer: {
    babelTransformerPath: require.resolve('./tools/i18n-key-transformer.js'),
  },
};

module.exports = mergeConfig(getDefaultConfig(__dirname), config);
