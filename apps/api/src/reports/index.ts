import type { Type } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';

export const REPORT_CONTROLLERS: Type[] = [ReportsController];
