import type { FormNumber } from '../records';
import type { CenterProfile } from './center';
import { placeAndDate, printInstant, type PrintedInstant } from './vietnamese-date';

/** The national heading every administrative document carries (Decree 30/2020/NĐ-CP on document format). */
export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Titles of Appendix I of Circular 03/2025/TT-VPCP (docs/FORMS.md lists what is still to check). */
export const formTitles: { readonly [F in FormNumber]: { readonly vi: string; readonly en: string } } = {
  '01': { vi: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', en: 'Receipt and appointment slip' },
  '02': { vi: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', en: 'Request to complete the file' },
  '03': { vi: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', en: 'Refusal to receive the file' },
  '04': { vi: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', en: 'Apology and request to extend the processing time' },
  '05': { vi: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', en: 'Notice of stopping the processing' },
  '06': { vi: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', en: 'Processing control slip' },
  '07': { vi: 'SỔ THEO DÕI HỒ SƠ', en: 'Record log book' },
};

/** Who issues the document: the Center, or for forms 04 and 05 the agency processing the file. */
export type Issuer = {
  readonly unitId: string;
  readonly unitName: string;
  readonly superiorName?: string;
};

/** The top of every form: issuer on the left, national heading on the right, place and date, title. */
export type FormHeader = {
  readonly form: FormNumber;
  /** "Mẫu số 01". */
  readonly formLabel: string;
  readonly title: string;
  readonly titleEn: string;
  readonly nation: string;
  readonly motto: string;
  readonly issuer: Issuer;
  readonly issuedAt: PrintedInstant;
  /** "Hoà Bình, ngày 02 tháng 03 năm 2026". */
  readonly placeAndDate: string;
};

export function centerIssuer(center: CenterProfile): Issuer {
  return {
    unitId: center.unitId,
    unitName: center.unitName,
    ...(center.superiorName === undefined ? {} : { superiorName: center.superiorName }),
  };
}

export function formHeader(form: FormNumber, center: CenterProfile, issuedAt: number, issuer: Issuer = centerIssuer(center)): FormHeader {
  return {
    form,
    formLabel: `Mẫu số ${form}`,
    title: formTitles[form].vi,
    titleEn: formTitles[form].en,
    nation: NATION,
    motto: MOTTO,
    issuer,
    issuedAt: printInstant(issuedAt),
    placeAndDate: placeAndDate(center.place, issuedAt),
  };
}

/** A signature block: the role in capitals, the instruction in brackets, the printed name under the space. */
export type SignatureBlock = {
  readonly title: string;
  readonly hint: string;
  readonly name?: string;
};

export const SIGN_HINT = '(Ký và ghi rõ họ tên)';
export const SIGN_AND_SEAL_HINT = '(Ký tên, đóng dấu)';

export function signature(title: string, hint: string, name: string | undefined): SignatureBlock {
  return name === undefined || name.trim() === '' ? { title, hint } : { title, hint, name };
}
