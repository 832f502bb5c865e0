import { describe, expect, it } from 'vitest';
import {
  isFinished,
  isRecordStatus,
  recordChannelLabels,
  recordChannels,
  recordStatusLabels,
  recordStatusSchema,
  recordStatuses,
  reportingGroupOf,
  reportingGroups,
} from './status';

describe('record statuses', () => {
  it('labels every status 1–10 in Vietnamese and English', () => {
    expect(recordStatuses).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const s of recordStatuses) {
      expect(recordStatusLabels[s].vi.length).toBeGreaterThan(0);
      expect(recordStatusLabels[s].en.length).toBeGreaterThan(0);
    }
    expect(recordStatusLabels[5].vi).toBe('Yêu cầu bổ sung giấy tờ');
    expect(recordStatusLabels[10].vi).toBe('Đã trả kết quả');
  });

  it('groups statuses as published statistics do', () => {
    expect(reportingGroups).toEqual({ processing: [2, 4], finished: [7, 9, 10], paused: [5, 6, 8] });
    for (const s of recordStatuses) {
      const group = reportingGroupOf(s);
      if (group === null) expect([1, 3]).toContain(s);
      else expect(reportingGroups[group]).toContain(s);
    }
    expect(isFinished(9)).toBe(true);
    expect(isFinished(4)).toBe(false);
  });

  it('recognises only the ten wire values', () => {
    expect(isRecordStatus(1)).toBe(true);
    expect(isRecordStatus(10)).toBe(true);
    expect(isRecordStatus(0)).toBe(false);
    expect(isRecordStatus(11)).toBe(false);
    expect(isRecordStatus(2.5)).toBe(false);
    expect(isRecordStatus('2')).toBe(false);
    expect(recordStatusSchema.safeParse(11).success).toBe(false);
  });

  it('labels the three channels', () => {
    expect(recordChannels).toEqual([1, 2, 3]);
    expect(recordChannelLabels[3].en).toBe('Public postal service');
  });
});
