/**
 * Vietnamese ordering. ICU's 'vi' tailoring treats ă, â, đ, ê, ô, ơ, ư as letters of their own (A < Ă < Â,
 * D < Đ, …) and tones as secondary differences in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng:
 * ma < mà < mả < mã < má < mạ). `numeric` sorts "Tổ 2" before "Tổ 10".
 */
const collator = new Intl.Collator('vi', { numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A sorted copy; each item's sort text is computed once. */
export function sortVietnamese(list: readonly string[]): string[];
export function sortVietnamese<T>(list: readonly T[], key: (item: T) => string): T[];
export function sortVietnamese<T>(list: readonly T[], key?: (item: T) => string): T[] {
  const textOf = key ?? ((item: T) => String(item));
  return list
    .map((item, index) => ({ item, index, text: textOf(item) }))
    .sort((a, b) => collator.compare(a.text, b.text) || a.index - b.index)
    .map((entry) => entry.item);
}

/**
 * Names are written family – middle – given ("Nguyễn Thị Hoà"), but lists of people are ordered by the given
 * name first, then by the family and middle names, as school and office lists in Vietnam are.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const [givenA, restA] = splitGivenName(a);
  const [givenB, restB] = splitGivenName(b);
  return collator.compare(givenA, givenB) || collator.compare(restA, restB) || collator.compare(a, b);
}

function splitGivenName(fullName: string): [given: string, familyAndMiddle: string] {
  const trimmed = fullName.trim();
  const lastSpace = trimmed.search(/\s\S*$/u);
  return lastSpace < 0 ? [trimmed, ''] : [trimmed.slice(lastSpace + 1), trimmed.slice(0, lastSpace)];
}
