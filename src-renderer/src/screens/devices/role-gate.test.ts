import { describe, expect, it } from 'vitest';
import { screenForKey } from '../../app/Shell';

describe('the device console is for technicians and supervisors', () => {
  it('opens on F7 for them and not for a counter officer', () => {
    expect(screenForKey('F7', 'technician')).toBe('devices');
    expect(screenForKey('F7', 'supervisor')).toBe('devices');
    expect(screenForKey('F7', 'officer')).toBeUndefined();
  });
});
