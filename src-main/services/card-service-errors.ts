import { failure, type Failure } from '../../src-shared/result';

/** Failures of the card service itself (the reader's own come from hardware/id-card/errors.ts, the face check's from hardware/biometric). */
export const cardServiceErrors = {
  simulatorOff: (): Failure =>
    failure(
      'card.simulator-off',
      'Máy đang dùng đầu đọc thẻ thật; không có thẻ mô phỏng để đặt hay rút.',
      'The host uses real card readers; there is no simulated card to insert or remove.',
    ),
  noCard: (): Failure => failure('card.no-card', 'Chưa có thẻ CCCD trên đầu đọc; vui lòng đặt thẻ lên đầu đọc.', 'No ID card on the reader; please place the card on it.'),
  noReader: (name: string): Failure => failure('card.no-reader', `Không có đầu đọc thẻ tên "${name}".`, `No card reader named "${name}".`, 'readerName'),
  busy: (): Failure => failure('card.busy', 'Đầu đọc đang đọc một thẻ; vui lòng chờ.', 'The reader is already reading a card; please wait.'),
  noRead: (): Failure =>
    failure('card.no-read', 'Chưa đọc thẻ (hoặc thẻ đã được rút ra): hãy đọc thẻ trước khi so khớp khuôn mặt.', 'No card has been read (or it was removed): read the card before verifying the face.', 'readId'),
  noChipPhoto: (): Failure => failure('card.no-photo', 'Lần đọc thẻ này không có ảnh chân dung (DG2).', 'This card read has no portrait (DG2).'),
  cscaUnreadable: (file: string, detail: string): Failure =>
    failure('card.csca-unreadable', `Không đọc được tệp chứng thư CSCA ${file}: ${detail}.`, `Cannot read the CSCA certificate file ${file}: ${detail}.`),
} as const;
