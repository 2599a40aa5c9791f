const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const BuildManifestPlugin = require('./plugins/build-manifest-plugin');

module.exports = (env, argv) => ({
  entry: './src/index.tsx',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].[contenthash].js',
    clean: true,
  },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [
      { test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ },
      {
        test: /\.flags\.json$/,
        type: 'javascript/auto',
        use: [
          {
            loader: path.resolve(__dirname, 'loaders/flags-loader.js'),
            options: { environment: env.preview ? 'preview' : argv.mode },
          },
        ],
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: './src/index.html' }),
    new BuildManifestPlugin({
      bucket: process.env.PREVIEW_BUCKET || 'acme-storefront-previews',
      prefix: process.env.GIT_BRANCH || 'local',
    }),
  ],
  devServer: { port: 8080, hot: true, historyApiFallback: true },
});
