import { createInterface } from 'node:readline';
import { ALL_ORGANISATIONS, ALL_ROLES, Organisation, Role } from '@identity/organisation';
import { MIN_PASSWORD_LENGTH } from '@identity/auth/password-hasher';
import { UnitsService } from '@identity/units/units.service';
import { UsersService } from '@identity/users/users.service';
import { CliUsageError, parseFlags, runCli } from '@platform/cli/run-cli';

const USAGE =
  'usage: npm run user:create -- --email <address> --org <UWV|MUNICIPALITY|STAFFING_FIRM> --roles <ROLE,ROLE> [--name <name>] [--unit <unit name>]\n' +
  '       the password comes from USER_PASSWORD or, when unset, a prompt';

/** Creates a user (typically the first admin) from the command line. */
runCli(async (app) => {
  const flags = parseFlags(process.argv.slice(2));
  const email = flags.email;
  const organisation = typeof flags.org === 'string' ? flags.org.toUpperCase() : undefined;
  const roles =
    typeof flags.roles === 'string'
      ? flags.roles
          .toUpperCase()
          .split(',')
          .map((role) => role.trim())
      : [];
  if (typeof email !== 'string' || !organisation || roles.length === 0) throw new CliUsageError(USAGE);
  if (!ALL_ORGANISATIONS.includes(organisation as Organisation)) {
    throw new CliUsageError(`--org must be one of ${ALL_ORGANISATIONS.join(', ')}`);
  }
  const unknown = roles.filter((role) => !ALL_ROLES.includes(role as Role));
  if (unknown.length > 0)
    throw new CliUsageError(`--roles: unknown role(s) ${unknown.join(', ')}; known: ${ALL_ROLES.join(', ')}`);

  const password = process.env.USER_PASSWORD ?? (await promptHidden('Password: '));
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new CliUsageError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`);

  const unitName = typeof flags.unit === 'string' ? flags.unit : 'Beheer';
  const units = app.get(UnitsService);
  const unit = (await units.findByName(unitName)) ?? (await units.create({ name: unitName, focus: '' }));
  const user = await app.get(UsersService).create(null, {
    email,
    name: typeof flags.name === 'string' ? flags.name : email.split('@')[0],
    organisation: organisation as Organisation,
    unitId: unit.id,
    roles: roles as Role[],
    password,
  });
  process.stdout.write(
    `Created user ${user.id} (${user.roles.join(', ')}, ${user.organisation}, unit "${unit.name}")\n`,
  );
});

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliUsageError('Set USER_PASSWORD: there is no terminal to ask the password on');
  return new Promise((resolveAnswer) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing while the password is typed.
    (terminal as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
    terminal.question(question, (answer) => {
      terminal.close();
      process.stdout.write('\n');
      resolveAnswer(answer);
    });
  });
}
