import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsEmail, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Public } from '@platform/http/public.decorator';
import { DomainError } from '@platform/errors/domain-error';
import { startTestApp, TestApp } from '@test/support/test-app';

class ContactDto {
  @IsEmail({}, { message: 'must be an e-mail address' })
  email!: string;
}

class ProbeDto {
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  hoursPerWeek!: number;

  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts!: ContactDto[];
}

class VacancyClosedError extends DomainError {
  readonly code = 'VACANCY_CLOSED';
  readonly kind = 'conflict' as const;
}

const written: ProbeDto[] = [];

@Controller('probe')
class ProbeController {
  @Post()
  @Public()
  create(@Body() body: ProbeDto): { ok: true } {
    written.push(body);
    return { ok: true };
  }

  @Get('closed')
  @Public()
  closed(): never {
    throw new VacancyClosedError('The vacancy is closed');
  }

  @Get('crash')
  @Public()
  crash(): never {
    throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('errors as the API answers them', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({}, [ProbeModule]);
  });
  afterAll(() => test.close());
  beforeEach(() => written.splice(0));

  it('lists every invalid field, nested ones by path, and changes nothing', async () => {
    const response = await test.http
      .post('/probe')
      .send({ hoursPerWeek: 80, contacts: [{ email: 'ok@example.org' }, { email: 'not-an-address' }] })
      .expect(422);
    expect(response.body).toMatchObject({
      statusCode: 422,
      code: 'VALIDATION_FAILED',
      errors: { hoursPerWeek: 'must be at most 60', 'contacts.1.email': 'must be an e-mail address' },
    });
    expect(response.body.requestId).toEqual(response.headers['x-request-id']);
    expect(written).toHaveLength(0);
  });

  it('refuses fields the endpoint does not know', async () => {
    const response = await test.http.post('/probe').send({ hoursPerWeek: 8, contacts: [], isAdmin: true }).expect(422);
    expect(response.body.errors).toEqual({ isAdmin: 'property isAdmin should not exist' });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await test.http
      .post('/probe')
      .set('content-type', 'application/json')
      .send('{"hours":')
      .expect(400);
    expect(response.body.code).toBe('BAD_REQUEST');
  });

  it('maps a domain error to its status with its stable code', async () => {
    const response = await test.http.get('/probe/closed').expect(409);
    expect(response.body).toMatchObject({ code: 'VACANCY_CLOSED', message: 'The vacancy is closed' });
  });

  it('hides the cause of an unexpected error behind a generic 500 with the request id', async () => {
    const response = await test.http.get('/probe/crash').set('X-Request-Id', 'trace-me-42').expect(500);
    expect(response.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId: 'trace-me-42',
    });
    expect(JSON.stringify(response.body)).not.toContain('secret_table');
  });

  // Other unknown paths are the web app's routes (index.html): see test/platform/web-app.test.ts.
  it('answers unknown API routes with 404 in the same shape', async () => {
    const response = await test.http.get('/api/no/such/route').expect(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('sends security headers', async () => {
    const response = await test.http.get('/no/such/route');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
