import type { Provider } from '@nestjs/common';
import { Region } from './region.entity.js';

export * from './region.entity.js';

export const REGION_ENTITIES = [Region];
export const REGION_PROVIDERS: Provider[] = [];
