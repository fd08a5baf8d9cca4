import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDataDir, DataDirLease } from './data-dir-owner';
import { findFreePort } from './free-port';

/**
 * PostgreSQL for a machine without a server: PGlite (PostgreSQL compiled to WebAssembly) behind
 * the wire protocol, so TypeORM and pg talk to it exactly as to a real server. PGlite is a single
 * session: the caller must use a pool of size 1.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly database: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lease: DataDirLease | undefined,
  ) {}

  /**
   * `dataDir` undefined keeps the database in memory (tests). On disk, this process must own the data
   * folder (see data-dir-owner.ts): a DataDirInUseError is thrown before any file is opened otherwise.
   */
  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    let location = 'memory://';
    const lease = dataDir ? acquireDataDir(dataDir) : undefined;
    try {
      if (dataDir) {
        location = join(dataDir, 'postgres');
        mkdirSync(location, { recursive: true });
      }
      const database = await PGlite.create(location);
      const port = await findFreePort();
      const server = new PGLiteSocketServer({ db: database, host: '127.0.0.1', port });
      await server.start();
      return new EmbeddedPostgres(database, server, `postgres://postgres@127.0.0.1:${port}/postgres`, lease);
    } catch (error) {
      lease?.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.database.close();
    } finally {
      this.lease?.release();
    }
  }
}
