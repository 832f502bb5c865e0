import { ok } from '../../../src-shared/result';
import { appVersion } from '../../services/version';
import type { CliCommand } from '../command';

export const versionCommand: CliCommand = {
  path: ['version'],
  summary: 'Phiên bản MotCua / MotCua version',
  usage: 'motcua version [--json]',
  async run() {
    const version = appVersion();
    const json = { app: 'motcua', version, node: process.versions.node, platform: `${process.platform}-${process.arch}` };
    return ok({ json, text: `MotCua ${version} (Node ${json.node}, ${json.platform})` });
  },
};
