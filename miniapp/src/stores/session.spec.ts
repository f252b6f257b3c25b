import { beforeEach, describe, expect, it } from '@jest/globals';
import { aMe } from '../../test/fixtures';
import { answerRequests, recorded, resetTaro } from '../../test/taro';
import { NETWORK_ERROR_MESSAGE } from '../services/request';
import { isManager, needsPrivacyConsent, session } from './session';
import { readTokens, writeTokens } from './tokens';

beforeEach(() => {
  resetTaro();
  session.clear();
});

describe('session', () => {
  it('stays anonymous without stored tokens and asks the server nothing', async () => {
    await session.bootstrap();
    expect(session.get().status).toBe('anonymous');
    expect(recorded.requests).toHaveLength(0);
  });

  it('turns stored tokens into the current user and adopts their elder-mode preference', async () => {
    writeTokens({ accessToken: 'a', refreshToken: 'refresh-a', expiresIn: 900 });
    answerRequests(() => Promise.resolve({ statusCode: 200, data: aMe({ elderMode: true }) }));
    await session.bootstrap();
    expect(session.get()).toMatchObject({ status: 'signedIn', elderMode: true, me: { name: '李建国' } });
  });

  it('keeps the tokens and offers a retry when the server cannot be reached at launch', async () => {
    writeTokens({ accessToken: 'a', refreshToken: 'refresh-a', expiresIn: 900 });
    answerRequests(() => Promise.reject({ errMsg: 'request:fail' }));
    await session.bootstrap();
    expect(session.get()).toMatchObject({ status: 'unreachable', problem: NETWORK_ERROR_MESSAGE });
    expect(readTokens()).not.toBeNull();
  });

  it('stores the tokens of a login and forgets them on clear', () => {
    session.signIn({ accessToken: 'a', refreshToken: 'refresh-a', expiresIn: 900, user: aMe() });
    expect(readTokens()).toEqual({ accessToken: 'a', refreshToken: 'refresh-a' });
    session.clear();
    expect(readTokens()).toBeNull();
    expect(session.get()).toMatchObject({ status: 'anonymous', me: null });
  });

  it('needs consent again when the privacy policy version changes', () => {
    expect(needsPrivacyConsent(aMe())).toBe(false);
    expect(needsPrivacyConsent(aMe({ privacyAcceptedVersion: null }))).toBe(true);
    expect(needsPrivacyConsent(aMe({ privacyAcceptedVersion: '2001-01-01' }))).toBe(true);
  });

  it('opens the organisation pages to organisers, treasurers and admins only', () => {
    const node = { id: 'n', name: '红星社区', kind: 'community' as const };
    expect(isManager(aMe())).toBe(false);
    expect(isManager(aMe({ roles: [{ role: 'organiser', node }] }))).toBe(true);
    expect(isManager(aMe({ roles: [{ role: 'treasurer', node }] }))).toBe(true);
    expect(isManager(aMe({ roles: [{ role: 'admin', node }] }))).toBe(true);
  });
});
