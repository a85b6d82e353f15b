export { Money, MONEY_EXAMPLE_TEXT } from './money.js';
export { MoneyError, MONEY_ERROR_CODES, type MoneyErrorCode } from './money-errors.js';
export { ROUNDING_MODES, type RoundingMode } from './rounding.js';
export { splitInstallments, type RemainderPlacement, type SplitOptions } from './split-installments.js';
export { allocateByWeights } from './allocate-by-weights.js';
export { moneyTransformer, decimalTransformer } from './money.transformer.js';
export { IsMoney, type IsMoneyOptions } from './is-money.decorator.js';
