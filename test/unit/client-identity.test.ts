import fc from 'fast-check';
import { buildIdentity, companionIdentity, DEVICE_MODEL_PREFIX, HOST_NAME_MAX } from '../../src/account/client-identity';

const source = { hostname: 'vps-1', nodeVersion: '20.11.1', osType: 'Linux', osRelease: '6.1.0-18-amd64', appVersion: '0.1.0' };

test('names the guard, its host, Node and the OS', () => {
  expect(buildIdentity(source)).toEqual({
    deviceModel: 'session-warden (vps-1)',
    systemVersion: 'Node 20.11.1 on Linux 6.1.0-18-amd64',
    appVersion: '0.1.0',
    langCode: 'en',
    systemLangCode: 'en',
  });
});

test('any host name: the device model starts with session-warden, the host is clipped, no control characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 200 }), (hostname, release) => {
      const id = buildIdentity({ ...source, hostname, osRelease: release });
      expect(id.deviceModel.startsWith(DEVICE_MODEL_PREFIX)).toBe(true);
      expect(id.deviceModel.length).toBeLessThanOrEqual(DEVICE_MODEL_PREFIX.length + HOST_NAME_MAX + 3);
      expect(id.systemVersion.length).toBeLessThanOrEqual(64);
      for (const field of [id.deviceModel, id.systemVersion, id.appVersion]) expect(field).not.toMatch(/\p{C}/u);
    }),
  );
  expect(buildIdentity({ ...source, hostname: '' }).deviceModel).toBe('session-warden');
});

test("this machine's identity carries package.json's version", () => {
  const { version } = require('../../package.json') as { version: string };
  expect(companionIdentity().appVersion).toBe(version);
});
