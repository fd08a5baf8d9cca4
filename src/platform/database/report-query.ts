import { DataSource } from 'typeorm';

/**
 * A read-only report query over many rows (counts at national scale), run with JIT off: PostgreSQL
 * compiles such plans (they pass jit_above_cost), and the compiling took about 0.1 s of each dashboard
 * figure in the reports bench while the counting itself is a few hash aggregates. SET LOCAL keeps the
 * setting to this one transaction.
 */
export function reportQuery<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL jit = off');
    return manager.query<T>(sql, parameters);
  });
}
