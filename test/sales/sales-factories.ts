import { resolve } from 'node:path';
import { PlacesService } from '@sales/places/places.service';
import { TestApp } from '@test/support/test-app';
import { TestUser } from '@test/support/auth';

export const GEO_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'geo');

/** The real postcode areas, so 3311 AB resolves to Dordrecht in the Drechtsteden. */
export async function importPlaces(test: TestApp): Promise<void> {
  await test.app.get(PlacesService).importFrom(GEO_DIR);
}

export function employerInput(accountManager: TestUser, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Distributiecentrum Dordrecht B.V.',
    kvkNumber: String(10000000 + Math.floor(Math.random() * 89999999)),
    sector: 'Logistiek',
    address: { street: 'Handelsweg', houseNumber: '12a', postcode: '3311ab', city: 'Dordrecht' },
    contacts: [{ name: 'J. de Vries', role: 'HR-adviseur', phone: '078 123 4567', email: 'j.devries@example.nl' }],
    accountManagerId: accountManager.id,
    ...overrides,
  };
}

export function vacancyInput(employerId: string, overrides: Record<string, unknown> = {}) {
  return {
    employerId,
    title: 'Magazijnmedewerker',
    occupationUri: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f',
    hoursMin: 32,
    hoursMax: 40,
    workplacePostcode: '3311 AB',
    startDate: '2026-12-01',
    positions: 2,
    contractType: 'AGENCY',
    ...overrides,
  };
}
