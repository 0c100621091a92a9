import { describe, expect, test } from 'vitest';
import { iceText } from '../../lib/intercept/main/hooks/peer';

// What a TURN server is told (its URLs, the username, the credential) is what the gate reads.
describe('iceText', () => {
  test.each([
    ['no configuration', undefined, ''],
    ['no servers', {}, ''],
    ['a STUN URL', { iceServers: [{ urls: 'stun:stun.example.org' }] }, 'stun:stun.example.org'],
    [
      'TURN with a username and credential',
      { iceServers: [{ urls: ['turn:t.example.org'], username: '11010519491231002X', credential: 'pw' }] },
      'turn:t.example.org\n11010519491231002X\npw',
    ],
    ['two servers', { iceServers: [{ urls: 'stun:a' }, { urls: 'turn:b', username: 'u' }] }, 'stun:a\nturn:b\nu'],
    ['iceServers that is not a list', { iceServers: 5 }, ''],
  ])('%s', (_name, config, text) => {
    expect(iceText(config)).toBe(text);
  });
});
