import { BullRootModule, QUEUES } from '#platform';
import { BullModule } from '@nestjs/bull';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { CloseOfDayCoordinator } from './close-of-day-coordinator.service.js';
import { CloseOfDayDayService } from './close-of-day-day.service.js';
import { CloseOfDayDay } from './close-of-day-day.entity.js';
import { CloseOfDayPartition } from './close-of-day-partition.entity.js';
import { CloseOfDayPartitionService } from './close-of-day-partition.service.js';
import { CloseOfDayRun } from './close-of-day-run.entity.js';
import { CloseOfDayRunsService } from './close-of-day-runs.service.js';
import { OverdueReportService } from './overdue-report.service.js';
import { PortfolioService } from './portfolio.service.js';
import { PortfolioTrendService } from './portfolio-trend.service.js';
import { PortfolioSnapshot } from './portfolio-snapshot.entity.js';

export * from './close-of-day-coordinator.service.js';
export * from './collectibility-sql.js';
export * from './close-of-day-day.entity.js';
export * from './close-of-day-day.service.js';
export * from './close-of-day-partition.entity.js';
export * from './close-of-day-partition.service.js';
export * from './close-of-day-run.entity.js';
export * from './close-of-day-runs.service.js';
export * from './overdue-report.service.js';
export * from './portfolio.service.js';
export * from './portfolio-trend.service.js';
export * from './portfolio-snapshot.entity.js';
export * from './report-csv.js';
export * from './stored-standing.js';
export * from '../domain/close-of-day-calendar.js';
export * from '../domain/close-of-day-partitions.js';
export * from '../domain/portfolio-report.js';

export const CLOSE_OF_DAY_ENTITIES: Type[] = [CloseOfDayRun, CloseOfDayDay, CloseOfDayPartition, PortfolioSnapshot];
export const CLOSE_OF_DAY_PROVIDERS: Provider[] = [
  CloseOfDayRunsService,
  CloseOfDayCoordinator,
  CloseOfDayDayService,
  CloseOfDayPartitionService,
  PortfolioService,
  PortfolioTrendService,
  OverdueReportService,
];

/**
 * The api queues runs and the worker consumes them and their partitions: both need Bull (a URL and the
 * prefix, BullRootModule) and the two queues. Exported by RepaymentModule so the worker's processors
 * can inject them.
 */
export const CLOSE_OF_DAY_QUEUES: DynamicModule = BullModule.registerQueue({ name: QUEUES.CLOSE_OF_DAY }, { name: QUEUES.CLOSE_OF_DAY_PARTITIONS });
export const CLOSE_OF_DAY_IMPORTS: DynamicModule[] = [BullRootModule, CLOSE_OF_DAY_QUEUES];
