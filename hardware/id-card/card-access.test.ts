import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { choosePace, parseSecurityInfos } from './card-access';

describe('EF.CardAccess', () => {
  it('parses the CCCD constant (TA, CA, PACE-ECDH-GM-AES-128 on brainpoolP256r1)', () => {
    const infos = parseSecurityInfos(
      fromHex(
        '3134300d060804007f0007020202020101300f060a04007f000702020302020201013012060a04007f0007020204020202010202010d',
      ),
    );
    expect(infos.ok).toBe(true);
    if (!infos.ok) return;
    expect(infos.value.terminalAuthentication).toBe(true);
    expect(infos.value.chipAuthentication).toEqual(['0.4.0.127.0.7.2.2.3.2.2']);
    expect(infos.value.pace).toEqual([{ oid: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13, mapping: 'ECDH-GM', cipher: 'aes128' }]);
    expect(choosePace(infos.value)?.parameterId).toBe(13);
  });
  it('parses the PACE worked example file', () => {
    const infos = parseSecurityInfos(fromHex('31143012060A04007F0007020204020202010202010D'));
    expect(infos.ok && choosePace(infos.value)?.oid).toBe('0.4.0.127.0.7.2.2.4.2.2');
  });
  it('does not choose a variant it cannot run', () => {
    // PACE-DH-GM (4.1.2) with parameter id 0 (1024-bit MODP group).
    const infos = parseSecurityInfos(fromHex('31143012060A04007F00070202040102020102020100'));
    expect(infos.ok && infos.value.pace[0]?.mapping).toBe('DH-GM');
    expect(infos.ok && choosePace(infos.value)).toBeUndefined();
  });
  it('reports malformed content as a typed failure', () => {
    const r = parseSecurityInfos(fromHex('3103020101'));
    expect(r.ok ? undefined : r.error.code).toBe('id-card.card-access-malformed');
  });
});
