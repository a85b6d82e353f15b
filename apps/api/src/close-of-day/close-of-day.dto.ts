import { CLOSE_OF_DAY_RUN_STATUSES, type CloseOfDayRunStatus } from '#repayment';
import { IsCalendarDate } from '#platform';
import { ApiProperty } from '@nestjs/swagger';

export class CloseOfDayRunRequest {
  @ApiProperty({ example: '2026-11-22', description: 'The last day to close (YYYY-MM-DD); every day from the business date through it is closed, then the business date is the day after' })
  @IsCalendarDate()
  until: string;
}

export class CloseOfDayRunAccepted {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class CloseOfDayRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLOSE_OF_DAY_RUN_STATUSES, example: 'RUNNING' }) status: CloseOfDayRunStatus;
  @ApiProperty({ example: '2026-11-20', description: 'The business date now, as far as this run has moved it (until + 1 once COMPLETED)' }) businessDate: string;
  @ApiProperty({ example: 2, description: 'Days this run has closed' }) processedDays: number;
  @ApiProperty({ example: 24000, description: 'Active loans closed, summed over the days' }) loansProcessed: number;
  @ApiProperty({ example: '2026-11-18', description: 'The first day the run closes (the business date when it was asked for)' }) from: string;
  @ApiProperty({ example: '2026-11-21' }) until: string;
  @ApiProperty({ enum: ['MANUAL', 'AUTO'], description: 'AUTO: the 00:05 close (CLOSE_OF_DAY_AUTO)' }) trigger: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why a FAILED run stopped; a new run resumes where it stopped' }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class CloseOfDayRunPage {
  @ApiProperty({ type: [CloseOfDayRunResponse], description: 'Newest first: the first is the latest run' }) items: CloseOfDayRunResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
