import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { Role } from '@identity/organisation';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { until } from '@test/support/until';
import { zipFolder } from '@test/web/support/zip';

const GEO = resolve(__dirname, '../fixtures/geo/valid');
const ESCO = resolve(__dirname, '../fixtures/esco/valid');

/** A zip with stored (uncompressed) entries under any names, also ones a zip library refuses to write. */
function rawZip(entries: Array<{ name: string; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('imports from a server folder or an uploaded zip, as jobs', () => {
  let test: TestApp;
  let admin: Record<string, string>;
  let scratch: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'uploads-data-'));
    scratch = mkdtempSync(join(tmpdir(), 'uploads-'));
    test = await startTestApp({ DATA_DIR: dataDir });
    admin = await signIn(test, [Role.ADMIN]);
  });
  afterAll(async () => {
    await test.close();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const finished = async (path: string) => {
    let body: { status: string; progress: number; summary?: string[]; error: unknown } | undefined;
    await until(
      async () => {
        body = (await test.http.get(path).set(admin)).body;
        return body?.status === 'done' || body?.status === 'failed' || body?.status === 'succeeded';
      },
      60_000,
      `job ${path} did not finish`,
    );
    return body!;
  };

  it('loads the demo data: the users at once with the password chosen, the rest as a job (before any reference data: the rest is skipped)', async () => {
    await test.http.post('/api/demo-data').set(admin).send({ password: 'short' }).expect(422);
    const started = await test.http
      .post('/api/demo-data')
      .set(admin)
      .send({ password: 'demo-password-2026' })
      .expect(202);
    expect(started.body.summary[0]).toMatch(/^Demo users: \d+ created/);
    expect(await finished(`/api/demo-data/${started.body.id}`)).toMatchObject({
      status: 'done',
      progress: 100,
      error: null,
    });
    await test.http
      .post('/api/auth/login')
      .send({ email: 'matcher.uwv@example.org', password: 'demo-password-2026' })
      .expect(200);
  });

  it('imports the places from a folder on the server, with progress, and then resolves postcodes', async () => {
    await test.http.post('/api/places/imports').set(admin).send({ folder: '/no/such/folder' }).expect(422);
    const started = await test.http.post('/api/places/imports').set(admin).send({ folder: GEO }).expect(202);
    const status = await finished(`/api/places/imports/${started.body.id}`);
    expect(status).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(status.summary![0]).toMatch(/^\d+ postcodegebieden, \d+ gemeenten, \d+ arbeidsmarktregio's$/);
    await test.http.get('/api/places/3311AB').set(admin).expect(200);
  });

  it('imports ESCO from an uploaded zip (the files inside a folder of the zip)', async () => {
    const zip = await zipFolder(ESCO, join(scratch, 'esco.zip'), 'esco-v1.1.1');
    const started = await test.http.post('/api/taxonomy/imports/upload').set(admin).attach('file', zip).expect(202);
    expect(await finished(`/api/taxonomy/imports/${started.body.id}`)).toMatchObject({ status: 'succeeded' });
  });

  it('refuses a zip whose entries would land outside its folder (zip slip), writing nothing', async () => {
    const evil = rawZip([
      { name: 'geo/nl_pc4_centroids.csv', data: 'pc4\n' },
      { name: 'geo/../../../escaped.txt', data: 'owned' },
    ]);
    const response = await test.http
      .post('/api/places/imports/upload')
      .set(admin)
      .attach('file', evil, 'geo.zip')
      .expect(422);
    expect(response.body).toMatchObject({
      code: 'UPLOAD_UNSAFE_PATH',
      errors: { file: expect.stringContaining('escaped.txt') },
    });
    expect(existsSync(join(dataDir, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(dataDir, '..', 'escaped.txt'))).toBe(false);
    // A refused upload leaves no folder behind (the ESCO upload above kept its own).
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);
  });

  it('refuses what is not a zip, a zip without the expected files, and a request without a file', async () => {
    const notZip = await test.http
      .post('/api/places/imports/upload')
      .set(admin)
      .attach('file', Buffer.from('hello'), 'x.zip')
      .expect(422);
    expect(notZip.body.code).toBe('UPLOAD_NOT_ZIP');
    const empty = await test.http
      .post('/api/places/imports/upload')
      .set(admin)
      .attach('file', rawZip([{ name: 'readme.txt', data: 'hi' }]), 'x.zip')
      .expect(422);
    expect(empty.body.code).toBe('UPLOAD_INCOMPLETE');
    expect((await test.http.post('/api/places/imports/upload').set(admin).send({}).expect(422)).body.code).toBe(
      'UPLOAD_MISSING',
    );
  });
});
