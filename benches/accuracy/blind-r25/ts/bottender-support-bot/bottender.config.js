module.exports = {
  session: {
    driver: 'memory',
    stores: {
      memory: { maxSize: 500 },
    },
  },
  initialState: {
    lang: null,
    openTicketId: null,
  },
  channels: {
    line: {
      enabled: true,
      path: '/webhooks/line',
      accessToken: process.env.LINE_ACCESS_TOKEN,
      channelSecret: process.env.LINE_CHANNEL_SECRET,
    },
  },
};
