import { describe, expect, it } from 'vitest';
import { SocketLimits, SubscriptionSlots } from './socket-limits.js';

const limits = (over: Partial<ConstructorParameters<typeof SocketLimits>[0]> = {}) =>
  new SocketLimits({ STREAM_SOCKETS_PER_SESSION: 2, STREAM_SOCKETS_PER_USER: 3, STREAM_MESSAGES_PER_SECOND: 2, STREAM_MESSAGE_BURST: 1, STREAM_MESSAGE_HARD_LIMIT: 4, ...over });

describe('SocketLimits.admit', () => {
  it('takes a session and a user slot together, and a refused admit takes neither', () => {
    const l = limits();
    const a = l.admit('s1', 'u');
    expect(l.admit('s1', 'u')).not.toBeNull();
    expect(l.admit('s1', 'u')).toBeNull(); // session full
    expect(l.admit('s2', 'u')).not.toBeNull(); // user now full (3)
    expect(l.admit('s3', 'u')).toBeNull();
    a!();
    expect(l.admit('s3', 'u')).not.toBeNull();
  });

  it('a release called twice (disconnect and transport close) gives back one slot', () => {
    const l = limits({ STREAM_SOCKETS_PER_USER: 10 });
    const a = l.admit('s', 'u')!;
    l.admit('s', 'u');
    a();
    a();
    expect(l.admit('s', 'u')).not.toBeNull();
    expect(l.admit('s', 'u')).toBeNull();
  });
});

describe('SocketLimits.message', () => {
  it('rate, then burst, then limited, then hard past the per-second hard limit', async () => {
    const l = limits();
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await l.message('sock'));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'limited', 'hard', 'hard']);
    l.forget('sock');
    expect(await l.message('sock')).toBe('ok');
  });
});

describe('SubscriptionSlots', () => {
  it('never hands out more than max, and a release is idempotent', () => {
    const slots = new SubscriptionSlots(2);
    const a = slots.take()!;
    expect(slots.take()).not.toBeNull();
    expect(slots.take()).toBeNull();
    a();
    a();
    expect(slots.take()).not.toBeNull();
    expect(slots.take()).toBeNull();
  });
});
