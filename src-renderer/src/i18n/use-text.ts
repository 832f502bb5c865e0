import { useKioskStore } from '../app/store';
import { en, vi, type MessageKey } from './messages';

export type Translate = (key: MessageKey) => string;

export function useText(): Translate {
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  return (key) => (language === 'en' ? (en[key] ?? vi[key]) : vi[key]);
}

/** Failures carry both languages: show the one the officer chose. */
export function useFailureText(): (failure: { message: string; messageEn: string }) => string {
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  return (failure) => (language === 'en' ? failure.messageEn : failure.message);
}
