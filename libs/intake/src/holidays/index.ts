import type { Provider } from '@nestjs/common';
import { Holiday } from './holiday.entity.js';
import { HolidaysService } from './holidays.service.js';

export * from './holiday.entity.js';
export * from './holidays.service.js';

export const HOLIDAY_ENTITIES = [Holiday];
export const HOLIDAY_PROVIDERS: Provider[] = [HolidaysService];
