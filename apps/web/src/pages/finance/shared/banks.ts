// The banks a disbursement may go to, with their names: the server's own list (a pure module with no imports,
// so the bundle takes it as it is), checked against the api's enum (OrderDisbursementRequest.bankCode).
import { BANKS, isBankCode } from '../../../../../../libs/disbursement/src/domain/banks';
import type { components } from '../../../api/schema';

type ApiBankCode = components['schemas']['OrderDisbursementRequest']['bankCode'];
// Fails to compile when the api's enum and the list drift apart, in either direction.
const sameCodes: [ApiBankCode, keyof typeof BANKS] extends [keyof typeof BANKS, ApiBankCode] ? true : never = true;
void sameCodes;

export { isBankCode };
export const BANK_OPTIONS = Object.entries(BANKS).map(([value, name]) => ({ value, label: `${value} · ${name}` }));
