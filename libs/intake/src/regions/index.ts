import type { Provider } from '@nestjs/common';
import { Region } from './region.entity.js';
import { RegionsService } from './regions.service.js';

export * from './region.entity.js';
export * from './regions.service.js';

export const REGION_ENTITIES = [Region];
export const REGION_PROVIDERS: Provider[] = [RegionsService];
