import type { Type } from '@nestjs/common';
import { MyLoansController } from './me.controller.js';

export const SELF_SERVICE_CONTROLLERS: Type[] = [MyLoansController];
