module.exports = {
  presets: [],
  plugins: [["./src/index.js", { locale: process.env.APP_LOCALE || "en" }]],
};
