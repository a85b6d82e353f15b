import type { Type } from '@nestjs/common';
import { RegionsController } from './regions.controller.js';

export const REGION_CONTROLLERS: Type[] = [RegionsController];
