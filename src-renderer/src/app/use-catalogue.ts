import type { Procedure } from '../../../src-shared/domain/catalogue';
import { useLocalStore } from './local-store';

/** The procedures in force, from the local store; undefined while the store opens. */
export function useCatalogue(): readonly Procedure[] | undefined {
  return useLocalStore((s) => s.procedures);
}
