import { expect } from 'chai';
import { prorate } from '../src/proration.js';

describe('prorate', () => {
  it('charges half for half a period', () => {
    expect(prorate(30, 15, 30)).to.equal(15);
  });
  it('clamps negative usage to zero', () => {
    expect(prorate(30, -2, 30)).to.equal(0);
  });
});
