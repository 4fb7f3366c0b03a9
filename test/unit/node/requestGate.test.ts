// Issue 16: the crawl's slices wait while a message is between coming in and its answer being written.
import * as assert from 'node:assert/strict';
import { inputArrived, messageHandled, requestPending } from '../../../server/src/node/requestGate';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('request gate (crawl slices wait for requests)', () => {
  afterEach(async () => {
    // leave it closed for the next test
    await turn();
    await turn();
    await turn();
  });

  it('is open from input until two turns after the message was handled', async () => {
    assert.equal(requestPending(), false);
    inputArrived();
    assert.equal(requestPending(), true, 'input came in: not dispatched yet');
    await turn();
    assert.equal(requestPending(), true, 'still not dispatched');
    messageHandled();
    assert.equal(requestPending(), true, 'dispatched: the answer is written in a later turn');
    await turn();
    assert.equal(requestPending(), true);
    await turn();
    assert.equal(requestPending(), false, 'answered: crawl work goes on');
  });

  it('stays open for input that came in after the handled message', async () => {
    inputArrived();
    messageHandled();
    inputArrived();
    await turn();
    await turn();
    await turn();
    assert.equal(requestPending(), true, 'the second message is not handled yet');
    messageHandled();
    await turn();
    await turn();
    assert.equal(requestPending(), false);
  });

  it('lets crawl work through after 50 ms without an answer (a partial message, a flood of requests)', () => {
    const real = performance.now.bind(performance);
    inputArrived();
    try {
      performance.now = () => real() + 49;
      assert.equal(requestPending(), true);
      performance.now = () => real() + 60;
      assert.equal(requestPending(), false);
    } finally {
      performance.now = real;
    }
    assert.equal(requestPending(), false, 'until more input comes in');
    inputArrived();
    assert.equal(requestPending(), true);
    messageHandled();
  });
});
