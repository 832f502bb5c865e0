import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownVendors } from './vendors';

const rulesPath = join(import.meta.dirname, '..', '..', 'assets', 'udev', '60-motcua.rules');

describe('assets/udev/60-motcua.rules', () => {
  it('covers every vendor the console knows, with group access and uaccess', async () => {
    const rules = await readFile(rulesPath, 'utf8');
    for (const vendorId of Object.keys(knownVendors)) expect(rules).toContain(`ATTRS{idVendor}=="${vendorId}"`);
    const ruleLines = rules.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(ruleLines.length).toBeGreaterThan(20);
    for (const line of ruleLines) {
      expect(line).toMatch(/MODE="0660", GROUP="(plugdev|dialout|lp)", TAG\+="uaccess"$/);
      // udev has no trailing comments: a '#' after a rule makes the whole line invalid.
      expect(line).not.toContain('#');
    }
  });
});
