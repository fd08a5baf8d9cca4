import { DataSource } from 'typeorm';
import { RedisConnection } from '@platform/queue/redis.provider';
import { startTestApp, TestApp } from '@test/support/test-app';

describe('GET /health', () => {
  let test: TestApp;
  beforeEach(async () => {
    test = await startTestApp();
  });
  afterEach(() => test.close());

  it('answers 200 with database and Redis up', async () => {
    const response = await test.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('answers 503 naming Redis when Redis is gone', async () => {
    test.app.get(RedisConnection).client.disconnect();
    const response = await test.http.get('/health').expect(503);
    expect(response.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
  });

  it('answers 503 naming the database when the database is gone', async () => {
    await test.app.get(DataSource).destroy();
    const response = await test.http.get('/health').expect(503);
    expect(response.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
  });
});
