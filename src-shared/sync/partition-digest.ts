import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A partition's digest: SHA-256 (hex) over its records as `id:rev` lines, sorted by id in byte order and joined by
 * `\n`. The server takes it in SQL (`string_agg(… ORDER BY id COLLATE "C")`), a kiosk over the records it holds;
 * equal digests mean the same records at the same revisions, which a count and a sum of revisions alone cannot
 * promise (one record missing and another ahead by as much would pass). Ids are ASCII (UUIDs), so byte order is
 * the order of JavaScript's string comparison.
 */
export type PartitionEntry = { readonly id: string; readonly rev: number };

export function partitionDigestText(entries: readonly PartitionEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => `${e.id}:${e.rev}`)
    .join('\n');
}

export function partitionDigest(entries: readonly PartitionEntry[]): string {
  return bytesToHex(sha256(utf8ToBytes(partitionDigestText(entries))));
}

/** The same digest in the server's SQL, over the `records` rows of the unit in `$1`. */
export const partitionDigestSql = `SELECT encode(sha256(convert_to(coalesce(string_agg(id || ':' || rev, E'\\n' ORDER BY id COLLATE "C"), ''), 'UTF8')), 'hex') AS digest FROM records WHERE unit_id = $1`;
