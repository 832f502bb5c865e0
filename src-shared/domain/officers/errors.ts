import { failure, type Failure } from '../../result';

export const officerErrorCodes = {
  usernameFormat: 'officer.username-format',
  usernameTaken: 'officer.username-taken',
  displayName: 'officer.display-name',
  weakPassword: 'officer.weak-password',
  pinFormat: 'officer.pin-format',
  wrongCredential: 'officer.wrong-credential',
  locked: 'officer.locked',
  inactive: 'officer.inactive',
  notAllowed: 'officer.not-allowed',
  lastSupervisor: 'officer.last-supervisor',
} as const;

export type OfficerFailure = Failure;

const minutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

export const officerFailures = {
  usernameFormat: (): Failure =>
    failure(officerErrorCodes.usernameFormat, 'Tên đăng nhập gồm 3–32 chữ thường không dấu, số, dấu chấm hoặc gạch dưới.', 'A username is 3–32 lowercase ASCII letters, digits, dots or underscores.', 'username'),
  usernameTaken: (username: string): Failure =>
    failure(officerErrorCodes.usernameTaken, `Tên đăng nhập "${username}" đã có người dùng.`, `The username "${username}" is already taken.`, 'username'),
  displayName: (): Failure => failure(officerErrorCodes.displayName, 'Cần họ và tên của cán bộ.', "The officer's full name is required.", 'displayName'),
  weakPassword: (): Failure =>
    failure(officerErrorCodes.weakPassword, 'Mật khẩu cần ít nhất 8 ký tự, có cả chữ và số.', 'A password needs at least 8 characters, with letters and digits.', 'secret'),
  pinFormat: (): Failure =>
    failure(officerErrorCodes.pinFormat, 'Mã PIN gồm đúng 6 chữ số và không phải dãy dễ đoán (000000, 123456…).', 'A PIN is exactly 6 digits and not an easy sequence (000000, 123456…).', 'secret'),
  wrongCredential: (attemptsLeft: number): Failure =>
    failure(
      officerErrorCodes.wrongCredential,
      `Tên đăng nhập hoặc mật khẩu/PIN không đúng. Còn ${attemptsLeft} lần thử trước khi tài khoản bị khoá tạm thời.`,
      `Wrong username or password/PIN. ${attemptsLeft} attempt(s) left before the account is locked for a while.`,
    ),
  locked: (remainingMs: number): Failure =>
    failure(
      officerErrorCodes.locked,
      `Tài khoản đang bị khoá do nhập sai nhiều lần; thử lại sau ${minutes(remainingMs)} phút hoặc nhờ cán bộ phụ trách mở khoá.`,
      `The account is locked after repeated failures; try again in ${minutes(remainingMs)} minute(s) or ask a supervisor to unlock it.`,
    ),
  inactive: (): Failure => failure(officerErrorCodes.inactive, 'Tài khoản đã bị vô hiệu hoá.', 'The account is disabled.'),
  notAllowed: (): Failure => failure(officerErrorCodes.notAllowed, 'Chỉ cán bộ phụ trách (supervisor) được quản lý tài khoản.', 'Only a supervisor may manage accounts.'),
  lastSupervisor: (): Failure =>
    failure(officerErrorCodes.lastSupervisor, 'Không thể vô hiệu hoá cán bộ phụ trách cuối cùng.', 'The last active supervisor cannot be disabled.'),
};
