import { Body, Controller, Module, Post } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { AnyRole } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { CertificatesModule } from '@sales/requirements/certificates.module';
import { CertificatesService } from '@sales/requirements/certificates.service';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';

// A stand-in for the vacancies module: how another feature validates the certificates it is given.
class ProbeRequirementsDto {
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  certificates!: string[];
}

@Controller('probe/vacancy-requirements')
class ProbeController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @AnyRole()
  async check(@Body() body: ProbeRequirementsDto): Promise<{ ok: true }> {
    await this.certificates.assertSelectable(body.certificates, 'requirements.certificates');
    return { ok: true };
  }
}

@Module({ imports: [CertificatesModule], controllers: [ProbeController] })
class ProbeModule {}

const UNKNOWN_ID = '6f1c1b4e-3b7a-4f55-9a55-0d6f2a6c1e11';

describe('certificates', () => {
  let test: TestApp;
  let admin: Record<string, string>;
  let matcher: Record<string, string>;

  beforeAll(async () => {
    test = await startTestApp({}, [ProbeModule]);
    admin = await signIn(test, [Role.ADMIN]);
    matcher = await signIn(test, [Role.MATCHER]);
  });
  afterAll(() => test.close());

  const create = (body: Record<string, unknown>) => test.http.post('/api/certificates').set(admin).send(body);

  it('lists the seeded certificates by name, with what each implies', async () => {
    const response = await test.http.get('/api/certificates').set(matcher).expect(200);
    const byCode = new Map(response.body.map((certificate: { code: string }) => [certificate.code, certificate]));
    for (const code of [
      'HEFTRUCK',
      'REACHTRUCK',
      'VCA_BASIS',
      'VCA_VOL',
      'VCA_VIL',
      'BHV',
      'CODE_95',
      'HACCP',
      'EHBO',
    ]) {
      expect(byCode.has(code)).toBe(true);
    }
    expect(byCode.get('VCA_VOL')).toMatchObject({ name: 'VCA VOL (VOL-VCA)', active: true, implies: ['VCA_BASIS'] });
    const names: string[] = response.body.map((certificate: { name: string }) => certificate.name);
    const position = (name: string) => names.indexOf(name);
    expect(position('Bedrijfshulpverlening (BHV)')).toBeLessThan(position('Heftruckcertificaat'));
    expect(position('Heftruckcertificaat')).toBeLessThan(position('VCA Basis (B-VCA)'));
    expect(position('VCA Basis (B-VCA)')).toBeLessThan(position('VCA VOL (VOL-VCA)'));
  });

  it('creates a certificate that implies others and reads it back', async () => {
    const created = await create({
      code: 'KRAANMACHINIST',
      name: '  Kraanmachinist (TCVT)  ',
      description: 'Bediening van mobiele kranen',
      implies: ['VCA_BASIS'],
    }).expect(201);
    expect(created.body).toMatchObject({
      code: 'KRAANMACHINIST',
      name: 'Kraanmachinist (TCVT)',
      active: true,
      implies: ['VCA_BASIS'],
    });
    const read = await test.http.get(`/api/certificates/${created.body.id}`).set(matcher).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('refuses a code that is already taken, naming the field, and adds nothing', async () => {
    const before = await test.http.get('/api/certificates').set(admin).expect(200);
    const response = await create({ code: 'HEFTRUCK', name: 'Nog een heftruck' }).expect(422);
    expect(response.body).toMatchObject({
      code: 'CERTIFICATE_CODE_TAKEN',
      errors: { code: 'is already used by another certificate' },
    });
    const after = await test.http.get('/api/certificates').set(admin).expect(200);
    expect(after.body).toHaveLength(before.body.length);
  });

  it('refuses invalid fields one by one', async () => {
    const response = await create({ code: 'heftruck 2', name: '', implies: 'VCA_BASIS' }).expect(422);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.errors).sort()).toEqual(['code', 'implies', 'name']);
    expect(response.body.errors.code).toContain('capitals');
  });

  it('refuses an implied certificate that does not exist', async () => {
    const response = await create({
      code: 'STEIGERBOUWER',
      name: 'Steigerbouwer',
      implies: ['VCA_BASIS', 'NOPE'],
    }).expect(422);
    expect(response.body).toMatchObject({
      code: 'CERTIFICATE_UNKNOWN',
      errors: { implies: 'unknown certificate NOPE' },
    });
    await test.http
      .get('/api/certificates')
      .set(admin)
      .expect(200)
      .expect((list) => {
        expect(list.body.some((certificate: { code: string }) => certificate.code === 'STEIGERBOUWER')).toBe(false);
      });
  });

  it('updates name and implications, keeps the code stable and refuses a cycle', async () => {
    const list = await test.http.get('/api/certificates').set(admin).expect(200);
    const basis = list.body.find((certificate: { code: string }) => certificate.code === 'VCA_BASIS');

    const renamed = await test.http
      .patch(`/api/certificates/${basis.id}`)
      .set(admin)
      .send({ name: 'B-VCA (basisveiligheid)', description: null })
      .expect(200);
    expect(renamed.body).toMatchObject({ code: 'VCA_BASIS', name: 'B-VCA (basisveiligheid)', description: null });

    const codeChange = await test.http
      .patch(`/api/certificates/${basis.id}`)
      .set(admin)
      .send({ code: 'VCA_B' })
      .expect(422);
    expect(codeChange.body.errors).toEqual({ code: 'property code should not exist' });

    // VCA VOL already implies VCA basis: the reverse would make them interchangeable.
    const cycle = await test.http
      .patch(`/api/certificates/${basis.id}`)
      .set(admin)
      .send({ implies: ['VCA_VOL'] })
      .expect(422);
    expect(cycle.body).toMatchObject({
      code: 'CERTIFICATE_IMPLICATION_CYCLE',
      errors: { implies: expect.any(String) },
    });
    const unchanged = await test.http.get(`/api/certificates/${basis.id}`).set(admin).expect(200);
    expect(unchanged.body.implies).toEqual([]);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const request of [
      test.http.get(`/api/certificates/${UNKNOWN_ID}`).set(admin),
      test.http.patch(`/api/certificates/${UNKNOWN_ID}`).set(admin).send({ name: 'X' }),
      test.http.post(`/api/certificates/${UNKNOWN_ID}/deactivate`).set(admin),
      test.http.get('/api/certificates/not-a-uuid').set(admin),
    ]) {
      const response = await request.expect(404);
      expect(response.body.code).toBe('CERTIFICATE_NOT_FOUND');
    }
  });

  it('keeps a deactivated certificate listed but refuses it for new choices, until reactivated', async () => {
    const created = await create({ code: 'ORDERPICKER_OUD', name: 'Orderpicker (oude opleiding)' }).expect(201);
    const probe = (certificates: string[]) =>
      test.http.post('/probe/vacancy-requirements').set(matcher).send({ certificates });
    await probe(['ORDERPICKER_OUD', 'HEFTRUCK']).expect(201);

    const deactivated = await test.http.post(`/api/certificates/${created.body.id}/deactivate`).set(admin).expect(200);
    expect(deactivated.body.active).toBe(false);

    const refused = await probe(['HEFTRUCK', 'ORDERPICKER_OUD', 'GEEN_CERTIFICAAT']).expect(422);
    expect(refused.body).toMatchObject({
      code: 'CERTIFICATE_NOT_SELECTABLE',
      errors: {
        'requirements.certificates':
          'unknown certificate GEEN_CERTIFICAAT; certificate ORDERPICKER_OUD can no longer be chosen',
      },
      details: { unknown: ['GEEN_CERTIFICAAT'], inactive: ['ORDERPICKER_OUD'] },
    });

    const active = await test.http.get('/api/certificates?active=true').set(matcher).expect(200);
    expect(active.body.map((certificate: { code: string }) => certificate.code)).not.toContain('ORDERPICKER_OUD');
    const inactive = await test.http.get('/api/certificates?active=false').set(matcher).expect(200);
    expect(inactive.body.map((certificate: { code: string }) => certificate.code)).toEqual(['ORDERPICKER_OUD']);
    await test.http.get('/api/certificates?active=perhaps').set(matcher).expect(422);

    await test.http.post(`/api/certificates/${created.body.id}/activate`).set(admin).expect(200);
    await probe(['ORDERPICKER_OUD']).expect(201);
  });

  it('gives matching the implications by code', async () => {
    const implications = await test.app.get(CertificatesService).implications();
    expect(implications.get('VCA_VOL')).toEqual(['VCA_BASIS']);
    expect(implications.get('NEN3140_VP')).toEqual(['NEN3140_VOP']);
    expect(implications.get('HEFTRUCK')).toEqual([]);
  });
});
