// Every service, built once from the database and configuration and passed around as one
// typed object, so that tests can build the same thing against their own database.
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import type { DB } from './schema.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import { mailService } from './platform/mail/outbox.ts';
import { dailyMail } from './platform/mail/daily.ts';
import { authoritiesService } from './modules/authorities/index.ts';
import { partnershipsService } from './modules/partnerships/index.ts';
import { accountsService, membersService, passwordHasher, tokensService } from './modules/accounts/index.ts';
import { bodiesService } from './modules/bodies/index.ts';
import {
  appointmentsService,
  isPersonWithin,
  membershipService,
  termReminders,
} from './modules/membership/index.ts';
import { complianceService } from './modules/compliance/index.ts';
import { surveysService, surveyReminders } from './modules/surveys/index.ts';
import { indicatorsService } from './modules/indicators/index.ts';
import { plansService, planReminders, prioritiesMeasuring } from './modules/plans/index.ts';
import { meetingsService } from './modules/meetings/index.ts';
import { agendaService, agendaMailService } from './modules/agenda/index.ts';
import {
  attendanceService,
  attendanceOnAgendaItem,
  declarationsService,
} from './modules/attendance/index.ts';
import {
  recordService,
  recordOnAgendaItem,
  electionsService,
  meetingReminders,
  draftMinutesMail,
  minutesApprovalOf,
} from './modules/record/index.ts';
import { consultationService, consultationsOnAgendaItem } from './modules/consultations/index.ts';
import {
  boardPackService,
  reportService,
  reportOnAgendaItem,
  boardPackReady,
} from './modules/documents/index.ts';
import { benchmarkingService } from './modules/benchmarking/index.ts';
import { resourcesService } from './modules/resources/index.ts';
import { voiceService, recommendationsOnAgendaItem } from './modules/voice/index.ts';

export function createServices(
  db: Database<DB>,
  config: Pick<
    Config,
    | 'ACCOUNT_LOCK_THRESHOLD'
    | 'ACCOUNT_LOCK_MINUTES'
    | 'SUPPRESSION_THRESHOLD'
    | 'SURVEY_LINK_DAYS'
    | 'SMTP_URL'
    | 'MAIL_FROM'
    | 'MAIL_RETRY_DELAY_SECONDS'
    | 'PUBLIC_URL'
    | 'PORT'
    | 'PASSWORD_HASH_COST'
  >,
  jobs: Jobs,
) {
  // a body's lead officer is one of the membership module's people, which depends on bodies
  const bodies = bodiesService(db, isPersonWithin);
  // an indicator a plan priority measures is not deleted: plans depend on indicators
  const indicators = indicatorsService(db, prioritiesMeasuring);
  const mail = mailService(db as Database<unknown>, jobs, {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    retryDelaySeconds: config.MAIL_RETRY_DELAY_SECONDS,
  });
  const boardPacks = boardPackService(db, jobs, mail);
  // the board pack hears the agenda's changes in the agenda's transaction (ADR 0057), and the
  // parts after the agenda say what of theirs an item's removal takes or leaves
  const agenda = agendaService(db, {
    listeners: [boardPacks.agendaListener],
    dependants: [
      reportOnAgendaItem,
      consultationsOnAgendaItem,
      recordOnAgendaItem,
      attendanceOnAgendaItem,
      recommendationsOnAgendaItem,
    ],
  });
  const partnerships = partnershipsService(db);
  const membership = membershipService(db, bodies);
  const passwords = passwordHasher(config.PASSWORD_HASH_COST);
  return {
    mail,
    // the daily reminders and digests (issue 18): each module gives its reminders
    mailDaily: dailyMail(db as Database<unknown>, jobs, mail, {
      partnerships: async () => (await partnerships.list()).map(({ id, slug, name }) => ({ id, slug, name })),
      sources: [meetingReminders, planReminders, termReminders, surveyReminders],
    }),
    authorities: authoritiesService(db),
    bodies,
    membership,
    appointments: appointmentsService(db, bodies),
    compliance: complianceService(db, bodies),
    surveys: surveysService(db, {
      suppressionThreshold: config.SUPPRESSION_THRESHOLD,
      linkDays: config.SURVEY_LINK_DAYS,
      mail,
    }),
    meetings: meetingsService(db),
    agenda,
    // the parts after the agenda that its mail names, passed in (ADR 0057)
    agendaMail: agendaMailService(db, mail, { boardPackReady, draftMinutesMail }),
    boardPacks,
    reports: reportService(db, boardPacks),
    consultations: consultationService(db),
    indicators,
    plans: plansService(db, indicators, mail),
    attendance: attendanceService(db, minutesApprovalOf, mail),
    record: recordService(db, mail),
    elections: electionsService(db, membership),
    declarations: declarationsService(db),
    benchmarking: benchmarkingService(db, indicators),
    resources: resourcesService(db),
    voice: voiceService(db, {
      suppressionThreshold: config.SUPPRESSION_THRESHOLD,
      agenda,
    }),
    partnerships,
    accounts: accountsService(
      db,
      { threshold: config.ACCOUNT_LOCK_THRESHOLD, minutes: config.ACCOUNT_LOCK_MINUTES },
      passwords,
    ),
    members: membersService(db, mail, passwords),
    tokens: tokensService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
