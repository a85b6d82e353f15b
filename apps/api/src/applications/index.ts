import type { Type } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';

export const APPLICATION_CONTROLLERS: Type[] = [ApplicationsController];
