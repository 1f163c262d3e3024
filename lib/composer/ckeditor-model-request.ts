import * as z from 'zod/mini';

/**
 * What Pulso's content script asks its MAIN-world CKEditor bridge (insert-with-ckeditor-model.ts
 * sends it, ckeditor-model-bridge.ts checks it): the draft as plain text, and where it goes.
 * Only the bridge imports this at run time; the content script takes the type alone.
 */
export const ckeditorModelRequest = z.object({
  text: z.string().check(z.minLength(1)),
  where: z.enum(['append', 'replace']),
});
export type CkeditorModelRequest = z.infer<typeof ckeditorModelRequest>;
