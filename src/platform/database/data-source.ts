import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The standalone data source for TypeORM's CLI (`npm run migration:generate -- migrations/<Name>`),
 * run against the compiled code in dist/. It needs DATABASE_URL: generate against a real server.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to generate migrations');

export default new DataSource({
  ...dataSourceOptions(url, 1),
  entities: [join(__dirname, '..', '..', '**', '*.entity.js')],
});
