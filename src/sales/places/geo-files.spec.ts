import { GeoTexts, parseGeoData } from './geo-files';
import { PlacesImportError } from './places.errors';

const REGIONS = `amr_code,amr_name,lat,lon,n_gemeenten,gemeenten
AM22,Rijnmond,51.84302,4.31635,1,Rotterdam
AM23,Drechtsteden,51.80629,4.70899,2,Dordrecht|Zwijndrecht
`;
const MUNICIPALITIES = `gemeente_code,gemeente_name,lat,lon,provincie_code,provincie_name,amr_code,amr_name
GM0599,Rotterdam,51.91,4.47,PV28,Zuid-Holland,AM22,Rijnmond
GM0505,Dordrecht,51.80,4.67,PV28,Zuid-Holland,AM23,Drechtsteden
GM0642,Zwijndrecht,51.81,4.62,PV28,Zuid-Holland,AM23,Drechtsteden
`;
const PLACES = `pc4,lat,lon,gemeente_code,gemeente_name,amr_code
3011,51.9191,4.4867,GM0599,Rotterdam,AM22
3311,51.8131,4.6685,GM0505,Dordrecht,AM23
3331,51.8170,4.6330,GM0642,Zwijndrecht,AM23
`;
const VALID: GeoTexts = { regions: REGIONS, municipalities: MUNICIPALITIES, places: PLACES };

function refusal(texts: Partial<GeoTexts>): Pick<PlacesImportError, 'file' | 'line' | 'reason'> {
  try {
    parseGeoData({ ...VALID, ...texts });
  } catch (error) {
    if (!(error instanceof PlacesImportError)) throw error;
    return { file: error.file, line: error.line, reason: error.reason };
  }
  throw new Error('the files were accepted');
}

describe('parseGeoData', () => {
  it('reads the three files into typed rows', () => {
    const data = parseGeoData(VALID);
    expect(data.regions).toHaveLength(2);
    expect(data.municipalities.find((m) => m.code === 'GM0505')).toEqual({
      code: 'GM0505',
      name: 'Dordrecht',
      provinceCode: 'PV28',
      provinceName: 'Zuid-Holland',
      regionCode: 'AM23',
      lat: 51.8,
      lon: 4.67,
    });
    expect(data.places).toContainEqual({ pc4: '3311', lat: 51.8131, lon: 4.6685, municipalityCode: 'GM0505' });
  });

  it('ignores extra columns and a trailing blank line', () => {
    const places = PLACES.replace('amr_code\n', 'amr_code,flags\n').replace(/AM2(\d)\n/g, 'AM2$1,\n') + '\n';
    expect(parseGeoData({ ...VALID, places }).places).toHaveLength(3);
  });

  it('refuses a latitude that is not a number, naming file and line', () => {
    expect(refusal({ places: PLACES.replace('51.8131', '51,8131') })).toMatchObject({
      file: 'nl_pc4_centroids.csv',
      line: 3,
    });
    expect(refusal({ places: PLACES.replace('51.8131', 'abc') })).toEqual({
      file: 'nl_pc4_centroids.csv',
      line: 3,
      reason: 'lat "abc" is not a decimal number',
    });
  });

  it('refuses coordinates outside the Netherlands (swapped lat and lon)', () => {
    expect(refusal({ places: PLACES.replace('51.8131,4.6685', '4.6685,51.8131') })).toEqual({
      file: 'nl_pc4_centroids.csv',
      line: 3,
      reason: 'lat 4.6685 is outside the Netherlands (50.5 to 53.8)',
    });
  });

  it('refuses a pc4 starting with 0 and a repeated pc4', () => {
    expect(refusal({ places: PLACES.replace('3311,', '0311,') }).reason).toBe(
      'pc4 "0311" is not four digits not starting with 0',
    );
    expect(refusal({ places: PLACES + '3311,51.8,4.6,GM0505,Dordrecht,AM23\n' })).toEqual({
      file: 'nl_pc4_centroids.csv',
      line: 5,
      reason: 'pc4 3311 appears twice',
    });
  });

  it('refuses an area in an unknown municipality or in another region than its municipality', () => {
    expect(refusal({ places: PLACES.replace('GM0505,Dordrecht', 'GM9999,Dordrecht') })).toEqual({
      file: 'nl_pc4_centroids.csv',
      line: 3,
      reason: 'gemeente_code GM9999 is not in nl_gemeenten_2025.csv',
    });
    expect(refusal({ places: PLACES.replace('Dordrecht,AM23', 'Dordrecht,AM22') }).reason).toBe(
      'amr_code AM22 differs from AM23 of Dordrecht',
    );
  });

  it('refuses a region list that disagrees with the municipalities', () => {
    expect(refusal({ regions: REGIONS.replace('2,Dordrecht|Zwijndrecht', '1,Dordrecht') })).toEqual({
      file: 'nl_gemeenten_2025.csv',
      line: 4,
      reason: 'nl_arbeidsmarktregios_2025.csv does not list Zwijndrecht under AM23 Drechtsteden',
    });
    expect(refusal({ regions: REGIONS.replace('1,Rotterdam', '2,Rotterdam|Zwijndrecht') })).toEqual({
      file: 'nl_arbeidsmarktregios_2025.csv',
      line: 2,
      reason: 'Zwijndrecht is not a municipality of AM22 in nl_gemeenten_2025.csv',
    });
    expect(refusal({ regions: REGIONS.replace('1,Rotterdam', '3,Rotterdam') }).reason).toBe(
      'n_gemeenten is 3 but gemeenten lists 1',
    );
  });

  it('refuses a missing column on the header line', () => {
    expect(refusal({ municipalities: MUNICIPALITIES.replace('provincie_code', 'province') })).toEqual({
      file: 'nl_gemeenten_2025.csv',
      line: 1,
      reason: 'missing column(s) provincie_code',
    });
  });

  it('refuses broken CSV with the line where it breaks', () => {
    const broken = refusal({ places: PLACES.replace('3331,51.8170', '3331,"51.8170') });
    expect(broken.file).toBe('nl_pc4_centroids.csv');
    expect(broken.line).toBe(4);
    const short = refusal({ places: PLACES.replace('3011,51.9191,4.4867,', '3011,') });
    expect(short).toMatchObject({ file: 'nl_pc4_centroids.csv', line: 2 });
  });

  it('refuses a file with only its header, which would otherwise empty the table', () => {
    expect(refusal({ places: PLACES.split('\n')[0] + '\n' })).toEqual({
      file: 'nl_pc4_centroids.csv',
      line: 2,
      reason: 'no data rows',
    });
  });
});
