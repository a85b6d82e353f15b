// Shared by the money specs only (not exported from the barrel).
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';

export const m = (s: string): Money => Money.of(s);
export const strings = (parts: Money[]): string[] => parts.map((p) => p.toString());

/** The MoneyError code `fn` throws, or undefined when it does not throw; other errors propagate. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return e.code;
    throw e;
  }
  return undefined;
}
