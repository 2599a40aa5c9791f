import { defineConfig } from '@rspack/cli';
import { rspack } from '@rspack/core';
import { CdnUploadPlugin } from './build/cdn-upload-plugin';
import { BuildNotifierPlugin } from './build/build-notifier-plugin';

const isProd = process.env.NODE_ENV === 'production';
const release = process.env.RELEASE_ID ?? `dev-${Date.now()}`;

export default defineConfig({
  mode: isProd ? 'production' : 'development',
  entry: { main: './src/index.tsx' },
  output: {
    filename: '[name].[contenthash:8].js',
    publicPath: isProd ? `https://cdn.acme-shop.com/web/${release}/` : '/',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: 'builtin:swc-loader',
        options: { jsc: { parser: { syntax: 'typescript', tsx: true } } },
        type: 'javascript/auto',
      },
      { test: /\.css$/, type: 'css' },
      { test: /\.(png|svg|woff2)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new rspack.HtmlRspackPlugin({ template: './public/index.html' }),
    new CdnUploadPlugin({
      bucket: process.env.CDN_BUCKET ?? 'acme-web-assets',
      region: process.env.AWS_REGION ?? 'eu-central-1',
      prefix: `web/${release}/`,
      enabled: process.env.CDN_UPLOAD === '1',
    }),
    new BuildNotifierPlugin({ redisUrl: process.env.BUILD_BUS_URL ?? 'redis://localhost:6379', release }),
  ],
  devServer: { port: 3000, hot: true, historyApiFallback: true },
  experiments: { css: true },
});
