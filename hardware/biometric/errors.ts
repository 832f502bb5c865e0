import { failure, type Failure } from '../../src-shared/result';

/** Every failure face verification can report; a face that is not there is a result ('no-face'), not a failure. */
export type BiometricErrorCode = 'face.image-unsupported' | 'face.image-unreadable' | 'face.engine-unavailable' | 'face.frames';

export type BiometricFailure = Failure<BiometricErrorCode>;

export const biometricErrors = {
  imageUnsupported: (format: string): BiometricFailure =>
    failure(
      'face.image-unsupported',
      `Không giải mã được ảnh định dạng ${format} trên máy này (ảnh JPEG 2000 trong chip cần bộ giải mã chưa có); cán bộ đối chiếu khuôn mặt bằng mắt.`,
      `Images in ${format} cannot be decoded on this host (the chip's JPEG 2000 photo needs a decoder that is not installed); the officer compares the face by eye.`,
    ),
  imageUnreadable: (what: string, detail: string): BiometricFailure =>
    failure('face.image-unreadable', `Không đọc được ảnh ${what}: ${detail}.`, `Cannot read the ${what} image: ${detail}.`, what),
  engineUnavailable: (detail: string): BiometricFailure =>
    failure(
      'face.engine-unavailable',
      `Không khởi động được bộ so khớp khuôn mặt: ${detail}.`,
      `The face matcher could not start: ${detail}.`,
    ),
  frames: (detailVi: string, detailEn: string): BiometricFailure =>
    failure('face.frames', `Khung hình camera không hợp lệ: ${detailVi}.`, `Invalid camera frames: ${detailEn}.`, 'frames'),
} as const;
