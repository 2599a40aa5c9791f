module.exports = {
  attributes: {
    name: { type: 'string', required: true },
    email: { type: 'string', isEmail: true, required: true, unique: true },
    currency: { type: 'string', defaultsTo: 'USD' },
  },
};
