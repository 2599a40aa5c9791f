export default defineNuxtConfig({
  devtools: { enabled: true },
  runtimeConfig: {
    databaseUrl: '',
    metricsDatabaseUrl: '',
    public: {
      feedUrl: 'wss://feed.example.internal/events',
    },
  },
})
