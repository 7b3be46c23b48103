// The one global timeline of schema changes. Add new migrations at the end; never edit one
// that has shipped.
import type { Migrations } from '../platform/db/migrator.ts';
import * as accounts from './0001_accounts.ts';
import * as authorities from './0002_authorities.ts';
import * as partnerships from './0003_partnerships.ts';
import * as audit from './0004_audit.ts';
import * as structure from './0005_structure.ts';
import * as membership from './0006_membership.ts';
import * as surveys from './0007_surveys.ts';
import * as leadOfficer from './0008_body_lead_officer.ts';
import * as tenantIndexes from './0009_tenant_indexes.ts';
import * as surveyAuthoring from './0010_survey_authoring.ts';
import * as meetings from './0020_meetings.ts';
import * as agenda from './0021_agenda.ts';
import * as attendance from './0022_attendance.ts';
import * as minutes from './0023_minutes_actions.ts';
import * as committeeReports from './0024_committee_reports.ts';
import * as consultations from './0025_consultations.ts';
import * as boardPacks from './0026_board_packs.ts';
import * as indicators from './0030_indicators.ts';
import * as plans from './0031_plans.ts';
import * as benchmarking from './0040_benchmarking.ts';
import * as partnershipVersions from './0041_partnership_versions.ts';
import * as interestDeclarations from './0042_interest_declarations.ts';
import * as requestContext from './0043_request_context.ts';
import * as sessionContext from './0044_session_context.ts';
import * as contextFunctionsPlpgsql from './0045_context_functions_plpgsql.ts';
import * as datedSeats from './0046_dated_seats.ts';
import * as authoritiesOverTime from './0047_authorities_over_time.ts';
import * as outcomeFrameworks from './0048_outcome_frameworks.ts';
import * as organisationsEnd from './0049_organisations_end.ts';
import * as resources from './0050_resources.ts';
import * as voice from './0051_voice.ts';
import * as publicSite from './0052_public_site.ts';
import * as mail from './0053_mail.ts';
import * as nominationsElections from './0054_nominations_elections.ts';
import * as registerAsMinutes from './0055_register_as_minutes.ts';
import * as signInIdentities from './0056_sign_in_identities.ts';
import * as rolesAndPartialDates from './0057_roles_and_partial_dates.ts';
import * as voiceRecommendationLinks from './0058_voice_recommendation_links.ts';
import * as appointmentsCorrected from './0059_appointments_corrected.ts';
import * as recordAsCouncilsKeepIt from './0060_record_as_councils_keep_it.ts';
import * as personOtherNames from './0061_person_other_names.ts';
import * as formSubmissions from './0062_form_submissions.ts';
import * as standingSubstitutesDated from './0063_standing_substitutes_dated.ts';
import * as bodyDatesAndTermRoles from './0064_body_dates_and_term_roles.ts';
import * as actionsFromPlanPriorities from './0065_actions_from_plan_priorities.ts';
import * as publicContexts from './0066_public_contexts.ts';
import * as versionsForPlatformAdministrators from './0067_versions_for_platform_administrators.ts';
import * as auditTrailVersioned from './0068_audit_trail_versioned.ts';
import * as partnershipListVersion from './0069_partnership_list_version.ts';

export const migrations: Migrations = {
  '0001_accounts': accounts,
  '0002_authorities': authorities,
  '0003_partnerships': partnerships,
  '0004_audit': audit,
  '0005_structure': structure,
  '0006_membership': membership,
  '0007_surveys': surveys,
  '0008_body_lead_officer': leadOfficer,
  '0009_tenant_indexes': tenantIndexes,
  '0010_survey_authoring': surveyAuthoring,
  '0020_meetings': meetings,
  '0021_agenda': agenda,
  '0022_attendance': attendance,
  '0023_minutes_actions': minutes,
  '0024_committee_reports': committeeReports,
  '0025_consultations': consultations,
  '0026_board_packs': boardPacks,
  '0030_indicators': indicators,
  '0031_plans': plans,
  '0040_benchmarking': benchmarking,
  '0041_partnership_versions': partnershipVersions,
  '0042_interest_declarations': interestDeclarations,
  '0043_request_context': requestContext,
  '0044_session_context': sessionContext,
  '0045_context_functions_plpgsql': contextFunctionsPlpgsql,
  '0046_dated_seats': datedSeats,
  '0047_authorities_over_time': authoritiesOverTime,
  '0048_outcome_frameworks': outcomeFrameworks,
  '0049_organisations_end': organisationsEnd,
  '0050_resources': resources,
  '0051_voice': voice,
  '0052_public_site': publicSite,
  '0053_mail': mail,
  '0054_nominations_elections': nominationsElections,
  '0055_register_as_minutes': registerAsMinutes,
  '0056_sign_in_identities': signInIdentities,
  '0057_roles_and_partial_dates': rolesAndPartialDates,
  '0058_voice_recommendation_links': voiceRecommendationLinks,
  '0059_appointments_corrected': appointmentsCorrected,
  '0060_record_as_councils_keep_it': recordAsCouncilsKeepIt,
  '0061_person_other_names': personOtherNames,
  '0062_form_submissions': formSubmissions,
  '0063_standing_substitutes_dated': standingSubstitutesDated,
  '0064_body_dates_and_term_roles': bodyDatesAndTermRoles,
  '0065_actions_from_plan_priorities': actionsFromPlanPriorities,
  '0066_public_contexts': publicContexts,
  '0067_versions_for_platform_administrators': versionsForPlatformAdministrators,
  '0068_audit_trail_versioned': auditTrailVersioned,
  '0069_partnership_list_version': partnershipListVersion,
};
