import { describe, expect, it } from 'vitest';
import { portrait, portraits } from '../../hardware/biometric/test-faces';
import type { EventName } from '../../src-shared/api/contract';
import { openCardService } from './card-service';
import { createDeviceRegistry } from './device-registry';
import { createEventBus } from './event-bus';

const dataUrl = (jpeg: Uint8Array): string => `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`;

describe('card service (simulated reader)', () => {
  it('reads a tapped card whose photo is a real face, and verifies camera frames against it', async () => {
    const events = createEventBus();
    const seen: EventName[] = [];
    events.subscribe((event) => seen.push(event));
    const devices = createDeviceRegistry();
    const opened = await openCardService({}, events, devices);
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const service = opened.value;
    expect(devices.list()).toEqual([expect.objectContaining({ kind: 'id-card-reader', simulated: true, status: 'ready' })]);

    const chip = await portrait(portraits.a);
    await service.simulate({ action: 'insert', person: 'second', faceImage: dataUrl(chip) });
    const read = await service.read({ can: '006789' });
    if (!read.ok) throw new Error(read.error.messageEn);
    expect(read.value.personal?.fullName).toBe('Trần Thị Bình');
    expect(read.value.mrz?.citizenId).toBe('079301006789');
    expect(read.value.face?.format).toBe('jpeg');
    expect(read.value.face?.bytes).toBeLessThan(32_000);
    expect(read.value.face?.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);

    const moving = await Promise.all([portrait(portraits.a, { dx: 10 }), portrait(portraits.a, { dx: 35, dy: 10 }), portrait(portraits.a, { dx: 5, dy: 30, grow: 25 })]);
    const same = await service.verifyFace({ readId: read.value.readId, frames: moving.map(dataUrl) });
    expect(same.ok && same.value.decision).toBe('match');
    const stranger = await Promise.all([portrait(portraits.b), portrait(portraits.b, { dx: 30 }), portrait(portraits.b, { dy: 30 })]);
    const other = await service.verifyFace({ frames: stranger.map(dataUrl) });
    expect(other.ok && other.value.decision).toBe('no-match');
    const unknown = await service.verifyFace({ readId: '00000000-0000-4000-8000-000000000000', frames: stranger.map(dataUrl) });
    expect(!unknown.ok && unknown.error.code).toBe('card.no-read');

    expect(seen).toEqual(expect.arrayContaining(['card.inserted', 'card.progress']));
    await service.close();
  }, 120_000);

  it('refuses card.simulate when the host uses real PC/SC readers', async () => {
    const opened = await openCardService({ mode: 'pcsc' }, createEventBus(), createDeviceRegistry());
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const refused = await opened.value.simulate({ action: 'insert', person: 'default' });
    expect(!refused.ok && refused.error.code).toBe('card.simulator-off');
    const readers = await opened.value.readers();
    expect(readers.ok && readers.value.mode).toBe('pcsc');
    await opened.value.close();
  });
});
