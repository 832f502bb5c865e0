import type { Settings } from '../../../src-shared/api/settings';
import { formatLocalDate, vietnamDateOf } from '../../../src-shared/domain/calendar';
import { createIdGenerator } from '../../../src-shared/domain/records';
import type { MotCuaDb } from '../store';
import { createTicketsRepository, type TicketsRepository } from '../store/tickets-repository';

export function ticketsRepositoryFor(db: MotCuaDb, settings: Settings): TicketsRepository {
  return createTicketsRepository(db, {
    now: () => Date.now(),
    newId: createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) }),
    kioskSlot: settings.kioskSlot,
    day: (at) => formatLocalDate(vietnamDateOf(at)),
  });
}

/** Speaks the call where the system has a voice for the language; silently does nothing where it has none. */
export function speak(text: string, language: 'vi' | 'en'): boolean {
  const synthesis = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  if (!synthesis) return false;
  const voice = synthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(language));
  if (!voice) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  synthesis.speak(utterance);
  return true;
}
