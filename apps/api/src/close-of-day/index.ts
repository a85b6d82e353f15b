import type { Type } from '@nestjs/common';
import { CloseOfDayController } from './close-of-day.controller.js';

export const CLOSE_OF_DAY_CONTROLLERS: Type[] = [CloseOfDayController];
