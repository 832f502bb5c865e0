import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSlips } from '../../hardware/printer/slip-fixtures.testing';
import { createKioskHost, type KioskHost } from './kiosk-host';
import { credentialHeldByHost } from './self-service-policy';

let dataDir: string;
let host: KioskHost;
const context = { transport: 'in-process' as const };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-self-service-'));
  host = await createKioskHost({ dataDir, mode: 'web', kioskMode: 'self-service' });
});
afterAll(async () => {
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a self-service host refuses the officers’ functions itself', () => {
  it('says what it is', async () => {
    const info = await host.dispatch('system.info', {}, context);
    expect(info.ok && (info.value as { kioskMode: string }).kioskMode).toBe('self-service');
  });

  it('refuses settings, device console and print-queue decisions, in both languages', async () => {
    for (const [method, input] of [
      ['settings.set', { language: 'en' }],
      ['devices.discover', {}],
      ['devices.supportBundle', {}],
      ['printer.resolve', { jobId: '0195f1c2-0000-7000-8000-00000000000a', decision: 'discard' }],
    ] as const) {
      const result = await host.dispatch(method, input, context);
      expect(!result.ok && [result.error.code, result.error.message.length > 0, result.error.messageEn.length > 0]).toEqual(['api.not-in-self-service', true, true]);
    }
  });

  it('prints a queue ticket and the citizen’s list of kept documents, but no other slip', async () => {
    const ticket = await host.dispatch('printer.print', { slip: sampleSlips.ticket }, context);
    expect(ticket.ok).toBe(true);
    const list = await host.dispatch('printer.print', { slip: sampleSlips.keptDocuments }, context);
    expect(list.ok).toBe(true);
    const receipt = await host.dispatch('printer.print', { slip: sampleSlips.receipt }, context);
    expect(!receipt.ok && receipt.error.code).toBe('api.not-in-self-service');
  });

  it('never hands the kiosk credential to the page, and refuses enrolling from the public screen', async () => {
    await host.settings.set({ syncServerUrl: 'http://127.0.0.1:1', kioskToken: 't'.repeat(40) });
    const read = await host.dispatch('settings.get', {}, context);
    expect(read.ok && (read.value as { kioskToken?: string }).kioskToken).toBe(credentialHeldByHost);
    const enroll = await host.dispatch('sync.relay', { url: 'http://127.0.0.1:2/v1/enroll', method: 'POST', headers: {}, bodyText: '{}' }, context);
    expect(!enroll.ok && enroll.error.code).toBe('sync.relay-refused');
  });
});
