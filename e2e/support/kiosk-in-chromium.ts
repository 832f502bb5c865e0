import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { portrait, portraits } from '../../hardware/biometric/test-faces';
import { launchChromium, launchChromiumWithCamera } from './browser';
import { writeFaceVideo } from './fake-camera';
import { startBuiltWebHost, type WebHostProcess } from './web-host-process';

export type KioskInChromium = {
  readonly host: WebHostProcess;
  readonly browser: Browser;
  /** With a camera: the folder of its videos (a test may write more there), and the chip photo of the filmed face. */
  readonly videoDir: string;
  readonly chipPhoto: string;
};

export type KioskInChromiumOptions = {
  /** Extra environment of the web host, e.g. `{ MOTCUA_KIOSK_MODE: 'self-service' }`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Give Chromium a camera that films the same person as the chip photo (a real photograph from face-api). */
  readonly camera?: boolean;
};

/**
 * One test file's kiosk: the built web host on a fresh data folder and a fresh Debian Chromium, started before the
 * file's tests and stopped after them. Read the fields inside tests (they exist once `beforeAll` has run).
 */
export function useKioskInChromium(options: KioskInChromiumOptions = {}): KioskInChromium {
  let started: { host: WebHostProcess; browser: Browser; videoDir: string; chipPhoto: string } | undefined;
  let host: WebHostProcess | undefined;
  let browser: Browser | undefined;
  let videoDir: string | undefined;

  beforeAll(async () => {
    host = await startBuiltWebHost(options.env);
    let chipPhoto = '';
    if (options.camera === true) {
      videoDir = await mkdtemp(join(tmpdir(), 'motcua-camera-'));
      const face = await portrait(portraits.a);
      chipPhoto = `data:image/jpeg;base64,${Buffer.from(face).toString('base64')}`;
      await writeFaceVideo(join(videoDir, 'face.y4m'), face);
      browser = await launchChromiumWithCamera(join(videoDir, 'face.y4m'));
    } else {
      browser = await launchChromium();
    }
    started = { host, browser, videoDir: videoDir ?? '', chipPhoto };
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (videoDir !== undefined) await rm(videoDir, { recursive: true, force: true });
  });

  const get = (): NonNullable<typeof started> => {
    if (started === undefined) throw new Error('the kiosk is not started yet: read it inside a test');
    return started;
  };
  return {
    get host() {
      return get().host;
    },
    get browser() {
      return get().browser;
    },
    get videoDir() {
      return get().videoDir;
    },
    get chipPhoto() {
      return get().chipPhoto;
    },
  };
}
