// The generator steps, in the order they run. A capability that adds entities (bodies, seats,
// meetings, plans…) adds a step here, after the steps whose entities it hangs from.
import type { GeneratorStep } from './context.ts';
import { partnershipsStep } from './partnerships.ts';
import { membersStep } from './members.ts';
import { benchAdminStep } from './bench-admin.ts';
import { structureStep } from './structure.ts';
import { meetingsStep } from './meetings.ts';
import { performanceStep } from './performance.ts';
import { resourcesStep } from './resources.ts';

export const generatorSteps: GeneratorStep[] = [
  partnershipsStep,
  membersStep,
  benchAdminStep,
  structureStep,
  meetingsStep,
  performanceStep,
  resourcesStep,
];

export type { GeneratorContext, GeneratorStep } from './context.ts';
