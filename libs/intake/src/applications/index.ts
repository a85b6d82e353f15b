import type { Provider, Type } from '@nestjs/common';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import { Application } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';

export * from './application-pipeline.service.js';
export * from './application-status-change.entity.js';
export * from './application-view.js';
export * from './application.entity.js';
export * from './applications.service.js';
export * from './domain/application-status.js';
export * from './domain/calendar-age.js';
export * from './domain/check-eligibility.js';

export const APPLICATION_ENTITIES: Type[] = [Application, ApplicationStatusChange];
export const APPLICATION_PROVIDERS: Provider[] = [ApplicationsService, ApplicationPipelineService];
