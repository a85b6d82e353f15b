// Scoring an application (issue 4 items 1-3, 6): the scorecard version of the day, every input stored
// with the run, the application moved to SCORED, one audit row.
import { Application, type ApplicationStatus, ApplicationsService, Business, nextStatus, type ScoringRunView, type Sector, SECTORS, wholeMonthsBetween } from '#intake';
import { Money } from '#money';
import { BusinessDateService, NotFoundError, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scoreApplication } from './domain/score-application.js';
import { type ScoringBusiness, type ScoringInput, toStoredScoringInput } from './domain/scoring-input.js';
import { ScoringRun } from './entities/scoring-run.entity.js';
import { readProgrammeHistory } from './programme-history.js';
import { ScorecardsService } from './scorecards.service.js';

export interface ScoreRequest {
  /** 1-5, from the officer's SLIK (OJK) check; omitted when not checked. */
  slikCollectibility?: number;
  /** 1-5, the officer's rating of the business visit; omitted before a visit. */
  fieldVisitRating?: number;
}

/** The run, as the application's answer lists it, with the application's new status. */
export interface ScoreAnswer extends ScoringRunView {
  applicationId: string;
  status: ApplicationStatus;
}

@Injectable()
export class ScoringService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly applications: ApplicationsService,
    private readonly scorecards: ScorecardsService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Scores the application with the scorecard version in force (SUBMITTED or SCORED, else 409
   * INVALID_STATE) and stores a new run; a rescore adds a run and leaves the earlier ones as they were.
   */
  async score(applicationId: string, request: ScoreRequest, scorerId: string): Promise<ScoreAnswer> {
    return this.tx.run(async (em) => {
      // Locked before reading anything: a decision or another scoring of it waits until this one commits.
      const application = await em.findOne(Application, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw new NotFoundError('Application', applicationId);
      nextStatus(application.status, 'SCORE');
      const businessDate = await this.businessDate.current(em);
      const scorecard = await this.scorecards.resolveFor(em, application.productId);
      const input = await this.inputs(em, application, request, businessDate);
      const result = scoreApplication(scorecard.definition, input);

      const [{ next }] = (await em.query(`SELECT coalesce(max(run_number), 0) + 1 AS next FROM scoring_run WHERE application_id = $1`, [applicationId])) as {
        next: number;
      }[];
      const inserted = await em.insert(ScoringRun, {
        applicationId,
        runNumber: next,
        scorecardId: scorecard.id,
        inputs: toStoredScoringInput(input),
        score: result.score,
        grade: result.grade,
        recommendation: result.recommendation,
        recommendationReason: result.recommendationReason,
        recommendationReasonEn: result.recommendationReasonEn,
        maxRecommendedAmount: result.maxRecommendedAmount,
        installment: result.installment,
        factors: result.factors,
        knockOuts: result.knockOuts,
        businessDate,
        scoredBy: scorerId,
      });
      const runId = (inserted.identifiers[0] as { id: string }).id;
      await this.applications.transition(em, applicationId, 'SCORE', undefined, {
        actorId: scorerId,
        details: {
          scoringRun: {
            id: runId,
            runNumber: next,
            scorecardCode: scorecard.code,
            scorecardVersion: scorecard.version,
            score: result.score,
            grade: result.grade,
            recommendation: result.recommendation,
            maxRecommendedAmount: result.maxRecommendedAmount,
            knockOuts: result.knockOuts.map((k) => k.rule),
          },
        },
      });
      const detail = await this.applications.detail(applicationId, em);
      const run = detail.scores.find((r) => r.id === runId);
      if (!run) throw new Error(`scoring run ${runId} not found after insert`);
      return { applicationId, status: detail.status, ...run };
    });
  }

  private async inputs(em: EntityManager, application: Application, request: ScoreRequest, businessDate: string): Promise<ScoringInput> {
    const terms = application.termsSnapshot;
    const business = await em.findOneBy(Business, { borrowerId: application.borrowerId });
    return {
      amount: application.amount,
      tenor: application.tenor,
      product: {
        minAmount: Money.of(terms.minAmount),
        maxAmount: Money.of(terms.maxAmount),
        roundingUnit: Money.of(terms.roundingUnit),
        roundingMode: terms.roundingMode,
        remainderPlacement: terms.remainderPlacement,
      },
      business: business && scoringBusiness(business, businessDate),
      slikCollectibility: request.slikCollectibility ?? null,
      fieldVisitRating: request.fieldVisitRating ?? null,
      history: await readProgrammeHistory(em, application),
    };
  }
}

function scoringBusiness(b: Business, businessDate: string): ScoringBusiness {
  const label = Object.hasOwn(SECTORS, b.sector) ? SECTORS[b.sector as Sector] : { id: b.sector, en: b.sector };
  return {
    sector: b.sector,
    sectorLabel: label.id,
    sectorLabelEn: label.en,
    startedOn: b.startedOn,
    ageMonths: wholeMonthsBetween(b.startedOn, businessDate),
    monthlyRevenue: b.monthlyRevenue,
    monthlyExpenses: b.monthlyExpenses,
  };
}
