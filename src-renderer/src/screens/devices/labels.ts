import type { DeviceLogType, DeviceRole, DeviceState, PermissionCheck } from '../../../../src-shared/api/devices';
import type { MessageKey } from '../../i18n/messages';

export const roleLabel: Readonly<Record<DeviceRole, MessageKey>> = {
  'receipt-printer': 'roleReceiptPrinter',
  'ticket-printer': 'roleTicketPrinter',
  'id-card-reader': 'roleIdCardReader',
  'document-scanner': 'roleDocumentScanner',
  'barcode-scanner': 'roleBarcodeScanner',
  'queue-display': 'roleQueueDisplay',
  'rating-keypad': 'roleRatingKeypad',
};

export const stateLabel: Readonly<Record<DeviceState, MessageKey>> = {
  present: 'statePresent',
  ready: 'stateReady',
  busy: 'stateBusy',
  offline: 'stateOffline',
  error: 'stateError',
};

export const logLabel: Readonly<Record<DeviceLogType, MessageKey>> = {
  added: 'logAdded',
  removed: 'logRemoved',
  'state-changed': 'logStateChanged',
  'role-set': 'logRoleSet',
  'role-cleared': 'logRoleCleared',
  'profile-imported': 'logProfileImported',
  'profile-exported': 'logProfileExported',
  'profile-rejected': 'logProfileRejected',
  'test-ok': 'logTestOk',
  'test-failed': 'logTestFailed',
  'source-unavailable': 'logSourceUnavailable',
  'bundle-exported': 'logBundleExported',
};

export const permissionLabel: Readonly<Record<PermissionCheck['status'], MessageKey>> = {
  ok: 'permOk',
  problem: 'permProblem',
  warning: 'permWarning',
  'not-applicable': 'permNotApplicable',
};
