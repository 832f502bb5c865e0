import { z } from 'zod';
import type { EventMap, MethodMap } from './define';

/**
 * A ticket called to a counter, as the queue display shows it: the number and the counter only. No name or ID
 * number ever reaches the display, which faces the waiting room.
 */
export const calledTicketSchema = z.object({
  ticketNumber: z.string().regex(/^[A-Z0-9-]{1,8}$/, { message: 'e.g. 1023 or A023' }),
  counter: z.string().trim().min(1).max(20),
  fieldName: z.string().trim().max(200).optional(),
  calledAt: z.int().min(0),
  /** A recall of the same ticket (the citizen did not come): displays flash it again. */
  recall: z.boolean().default(false),
});
export type CalledTicket = z.infer<typeof calledTicketSchema>;
export type CalledTicketInput = z.input<typeof calledTicketSchema>;

export const queueMethods = {
  'queue.announce': { input: calledTicketSchema, output: calledTicketSchema, summary: 'A counter calls a ticket: every queue display on this host shows and announces it' },
  'queue.recentCalls': { input: z.object({}).strict(), output: z.array(calledTicketSchema), summary: 'The last calls, newest first, for a display that has just started' },
} satisfies MethodMap;

export const queueEvents = { 'queue.called': calledTicketSchema } satisfies EventMap;
