import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { ReleasePlugin } from './build/ReleasePlugin';

const release = process.env.RELEASE_ID ?? `local-${Date.now()}`;

const config: Configuration & { devServer?: DevServerConfiguration } = {
  entry: './src/index.tsx',
  devtool: 'source-map',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].[contenthash].js',
    publicPath: '/',
    clean: true,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
  },
  resolveLoader: {
    alias: {
      'translations-loader': path.resolve(__dirname, 'build/translations-loader.ts'),
    },
  },
  module: {
    rules: [
      { test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ },
      {
        test: /\.i18n\.json$/,
        type: 'javascript/auto',
        use: [
          {
            loader: 'translations-loader',
            options: { redisUrl: process.env.TRANSLATIONS_REDIS_URL ?? 'redis://localhost:6379/2' },
          },
        ],
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ title: 'Storefront' }),
    new ReleasePlugin({
      release,
      bucket: process.env.SOURCEMAP_BUCKET ?? 'storefront-sourcemaps',
      region: process.env.AWS_REGION ?? 'eu-west-1',
      databaseUrl: process.env.RELEASES_DATABASE_URL ?? 'postgres://releases@localhost:5432/releases',
    }),
  ],
  devServer: {
    port: 3000,
    hot: true,
    historyApiFallback: true,
  },
};

export default config;
