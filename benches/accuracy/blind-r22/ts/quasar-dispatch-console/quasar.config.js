/* eslint-env node */
const { configure } = require('quasar/wrappers');

module.exports = configure(function () {
  return {
    boot: ['supabase'],
    css: ['app.scss'],
    extras: ['material-icons'],
    build: {
      target: { browser: ['es2020', 'chrome100', 'firefox100', 'safari15'] },
      vueRouterMode: 'history',
    },
    framework: {
      plugins: ['Notify', 'Dialog'],
    },
  };
});
