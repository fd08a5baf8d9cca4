import { MigrationInterface } from 'typeorm';
import { Taxonomy1795350000000 } from './1795350000000-taxonomy';

/**
 * Every migration, oldest first. A generated migration is added here by hand after review; a test
 * checks that no file in this folder is left out.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Taxonomy1795350000000];
