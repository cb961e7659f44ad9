import type { Migration } from 'kysely';
import * as initial from './2026_11_21_0001_initial';

/** Every migration, by its timestamped name; the Migrator runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0001_initial': initial,
};
