export const CHANNELS = ['LOG', 'WHATSAPP', 'SMS', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

/** NOTIFY_CHANNELS ('WHATSAPP,SMS') as the fallback order, without repeats. */
export function channelOrder(list: string): Channel[] {
  const out = [...new Set(list.split(',').map((c) => c.trim().toUpperCase()))].filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c));
  return out.length ? out : ['LOG'];
}
