import { fieldMessage } from '../../web/src/app/errors/messages';

/**
 * The field messages the planning and change dialogs of a Max-WW meeting can get back from the API
 * (MeetingsService's FieldRuleErrors on startsAt, hostIds and capacity) read in Dutch, not as
 * "Ongeldig: <the API's English>".
 */
describe("a Max-WW meeting's field messages in the web app", () => {
  it.each([
    'must be today or later',
    'must be within two years',
    'must be after the first meeting of the clients invited here a second time',
    'must not be before an invitation was sent',
    'must be active advisers of the Max-WW team',
    'must be at least the 7 clients invited already',
  ])('says "%s" in Dutch', (english) => {
    expect(fieldMessage(english)).not.toMatch(/^Ongeldig:/);
  });
});
