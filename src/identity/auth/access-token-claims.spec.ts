import { accessTokenClaims, IAT_LEEWAY_SECONDS } from './access-token-claims';

describe('accessTokenClaims', () => {
  const now = 1_800_000_000;
  const good = {
    sub: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f',
    tv: 0,
    sid: '0c9d8e7f-6a5b-4c3d-9e1f-2a3b4c5d6e7f',
    iat: now - 60,
    exp: now + 840,
  };

  it('keeps a well-formed token of 15 minutes, issued a minute ago', () => {
    expect(accessTokenClaims(good, now)).toEqual(good);
  });

  it.each([
    ['no exp', { ...good, exp: undefined }],
    ['no iat', { ...good, iat: undefined }],
    ['exp as text', { ...good, exp: String(good.exp) }],
    ['exp before iat', { ...good, exp: good.iat - 1 }],
    ['a sub that is no UUID', { ...good, sub: 'not-a-uuid' }],
    ['a numeric sub', { ...good, sub: 42 }],
    ['no sid', { ...good, sid: undefined }],
    ['a tv as text', { ...good, tv: '0' }],
    ['a negative tv', { ...good, tv: -1 }],
  ])('refuses %s', (_, payload) => {
    expect(accessTokenClaims(payload, now)).toBeNull();
  });

  it(`allows an iat up to ${IAT_LEEWAY_SECONDS} s ahead (clock skew) and refuses one further in the future`, () => {
    expect(accessTokenClaims({ ...good, iat: now + IAT_LEEWAY_SECONDS }, now)).not.toBeNull();
    expect(accessTokenClaims({ ...good, iat: now + IAT_LEEWAY_SECONDS + 1 }, now)).toBeNull();
  });

  it('refuses a payload that is not an object', () => {
    expect(accessTokenClaims('a string payload', now)).toBeNull();
    expect(accessTokenClaims(null, now)).toBeNull();
  });
});
