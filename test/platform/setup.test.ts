import { Role } from '@identity/organisation';
import { UsersService } from '@identity/users/users.service';
import { SetupService } from '@platform/setup/setup.service';
import { startTestApp, TestApp } from '@test/support/test-app';

const administrator = (setupToken: string, email = 'eerste@example.org') => ({
  setupToken,
  name: 'Eerste Beheerder',
  email,
  password: 'a long enough password',
  organisation: 'UWV',
  unitName: 'Beheer',
});

describe('first-run set-up', () => {
  let test: TestApp;
  let token: string;
  beforeAll(async () => {
    test = await startTestApp();
    token = test.app.get(SetupService).takeTokenToAnnounce()!;
  });
  afterAll(() => test.close());

  it('is open on a database without users, with a token to print once', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(test.app.get(SetupService).takeTokenToAnnounce()).toBeNull();
    expect((await test.http.get('/api/setup').expect(200)).body).toEqual({ required: true });
  });

  it('refuses a wrong token and bad fields, creating nothing', async () => {
    const wrong = await test.http.post('/api/setup/administrator').send(administrator('guessed-token')).expect(403);
    expect(wrong.body).toMatchObject({ code: 'SETUP_TOKEN_INVALID', errors: { setupToken: expect.any(String) } });
    const bad = await test.http
      .post('/api/setup/administrator')
      .send({ ...administrator(token), email: 'no-address', password: 'short' })
      .expect(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'password']);
    expect(await test.app.get(UsersService).anyExists()).toBe(false);
  });

  it('rate-limits wrong tokens per address', async () => {
    // Its own Redis prefix, so the counter does not lock the stories below out.
    const other = await startTestApp({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-limit` });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        statuses.push(
          (await other.http.post('/api/setup/administrator').send(administrator(`guess-${attempt}`))).status,
        );
      }
      expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
      const limited = await other.http.post('/api/setup/administrator').send(administrator('guess'));
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await other.close();
    }
  });

  it('creates one administrator when two set-ups race, signs them in, and is gone afterwards', async () => {
    const [first, second] = await Promise.all([
      test.http.post('/api/setup/administrator').send(administrator(token, 'een@example.org')),
      test.http.post('/api/setup/administrator').send(administrator(token, 'twee@example.org')),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 410]);
    const won = first.status === 201 ? first : second;
    const me = await test.http.get('/api/auth/me').set('Authorization', `Bearer ${won.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ roles: [Role.ADMIN], organisation: 'UWV', name: 'Eerste Beheerder' });
    const users = await test.http.get('/api/users').set('Authorization', `Bearer ${won.body.accessToken}`).expect(200);
    expect(users.body.total).toBe(1);

    expect((await test.http.get('/api/setup').expect(410)).body.code).toBe('SETUP_DONE');
    await test.http.post('/api/setup/administrator').send(administrator(token, 'drie@example.org')).expect(410);
  });

  it('stays gone after a restart: no token printed, the endpoints 410', async () => {
    const restarted = await startTestApp();
    try {
      expect(restarted.app.get(SetupService).takeTokenToAnnounce()).toBeNull();
      await restarted.http.get('/api/setup').expect(410);
    } finally {
      await restarted.close();
    }
  });
});
