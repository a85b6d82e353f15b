import type { Type } from '@nestjs/common';
import { HolidaysController } from './holidays.controller.js';

export const HOLIDAY_CONTROLLERS: Type[] = [HolidaysController];
