// A consultation of the home partnership made through the services, answered, moderated, its
// theme linked to a decision, with a recommendation of a young people's board: for the pages
// of the accessibility sweep that need one. Made once per server.
import { randomBytes } from 'node:crypto';
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { E2eServer } from '../../test/support/e2e-server.ts';

/** What these need of a server (the attack tests give them their own app's). */
type Fixtures = Pick<E2eServer, 'services' | 'partnershipIds'>;

const made = new WeakMap<Fixtures, Promise<VoicePaths>>();

export interface VoicePaths {
  page: string;
  link: string;
  publicPage: string;
  recommendation: string;
  theme: string;
}

async function make(server: Fixtures, partnership: string): Promise<VoicePaths> {
  const id = server.partnershipIds[partnership]!;
  const caller = systemCaller('e2e', id);
  const voice = server.services.voice;
  const year = new Date().getUTCFullYear();
  const slug = await voice.create(caller, {
    slug: 'where-we-feel-safe',
    title: 'Where we feel safe',
    purpose: 'To shape the plan around where young people feel safe.',
    audience: ['young-people'],
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
    responsesPerDevice: 1,
    responseLimit: null,
    areas: ['Dudley', 'Stourbridge'],
    asksContact: true,
    contactReason: 'If you would like to join the young people\u2019s board.',
    privacyNotice: 'We keep your answers for two years.',
    safeguardingNotice: 'Call Childline free on 0800 1111.',
  });
  await voice.addQuestion(caller, slug, {
    text: 'Where do you feel safe?',
    easyRead: 'Where are you safe?',
    kind: 'choices',
    choices: ['At home', 'At school', 'In town'],
    required: true,
  });
  await voice.addQuestion(caller, slug, {
    text: 'How safe do you feel?',
    easyRead: null,
    kind: 'scale',
    choices: [],
    required: false,
  });
  await voice.addQuestion(caller, slug, {
    text: 'What would help?',
    easyRead: null,
    kind: 'text',
    choices: [],
    required: false,
  });
  await voice.setStatus(caller, slug, 'open');
  const found = await voice.get(caller, slug);
  const [where, how, what] = found.questions.map((q) => q.id) as [string, string, string];
  for (let i = 0; i < 12; i++)
    await voice.respond(id, found.consultation.linkToken, randomBytes(12).toString('hex'), {
      [`q-${where}`]: i % 3 ? ['At home', 'At school'] : ['In town'],
      [`q-${how}`]: i % 2 ? 'Some' : 'A lot',
      ...(i < 3 ? { [`q-${what}`]: `More youth clubs open late, answer ${i}` } : {}),
      ageBand: i % 2 ? '11-15' : '16-18',
      area: 'Dudley',
    });
  const code = await voice.addTheme(caller, slug, {
    title: 'Somewhere to go',
    said: 'You said there is nowhere to go in the evening.',
  });
  const answers = (await voice.moderation(caller, slug)).questions.flatMap((q) => q.answers);
  await voice.moderate(caller, slug, answers[0]!.id, { moderation: 'approved', theme: code });
  const targets = await voice.targets(caller);
  if (targets.decisions[0])
    await voice.addOutcome(caller, slug, code, {
      kind: 'decision',
      decisionId: targets.decisions[0].id,
      note: null,
    });
  await voice.addOutcome(caller, slug, code, {
    kind: 'not-done',
    note: 'the budget for late opening is set for this year',
  });
  await voice.setStatus(caller, slug, 'closed');
  await voice.setSummary(caller, slug, {
    summary: 'Young people want somewhere to go in the evening.',
    resultsPublic: true,
  });
  // a young people's board and a meeting of it, with a recommendation
  const body = await server.services.bodies.create(caller, {
    slug: 'e2e-young-peoples-board',
    name: 'Children and Young People\u2019s Board',
    kind: 'young-peoples-board',
    takesDecisions: false,
    status: 'established',
    statusOn: '2024',
  });
  const meetingId = await server.services.meetings.create(caller, {
    title: 'Young People\u2019s Board',
    kind: 'board-meeting',
    bodyIds: [body.id],
    date: `${year}-02-01`,
    startTime: '17:00',
    state: 'held',
  });
  const recommendation = await voice.addRecommendation(caller, {
    meetingId,
    number: 1,
    text: 'Open youth clubs later on Fridays',
    consultationId: found.consultation.id,
  });
  const base = `/partnerships/${partnership}/voice`;
  return {
    page: `${base}/${slug}`,
    link: `/have-your-say/${partnership}/${found.consultation.linkToken}`,
    publicPage: `/public/${partnership}/voice/${slug}`,
    recommendation: `${base}/recommendations/${recommendation}`,
    theme: `${base}/${slug}/themes/${code}`,
  };
}

/** The consultation's addresses, made the first time they are asked for. */
export function voiceFor(server: Fixtures, partnership: string): Promise<VoicePaths> {
  let paths = made.get(server);
  if (!paths) {
    paths = make(server, partnership);
    made.set(server, paths);
  }
  return paths;
}

/** A consultation still open, for the response form (the one above closes). */
export async function openConsultationLink(server: Fixtures, partnership: string): Promise<string> {
  const caller = systemCaller('e2e', server.partnershipIds[partnership]!);
  const voice = server.services.voice;
  const year = new Date().getUTCFullYear();
  const slug = `open-for-answers-${randomBytes(3).toString('hex')}`;
  await voice.create(caller, {
    slug,
    title: 'Open for answers',
    purpose: 'What you think of the youth offer.',
    audience: ['children', 'young-people'],
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
    responsesPerDevice: 1,
    responseLimit: null,
    areas: ['Dudley', 'Stourbridge'],
    asksContact: true,
    contactReason: 'If you would like us to tell you what we did.',
    privacyNotice: 'We keep your answers for two years.',
    safeguardingNotice: 'Call Childline free on 0800 1111.',
  });
  await voice.addQuestion(caller, slug, {
    text: 'Which activities do you go to?',
    easyRead: 'What do you go to?',
    kind: 'choices',
    choices: ['Sport', 'Music', 'Youth club'],
    required: true,
  });
  await voice.addQuestion(caller, slug, {
    text: 'How good are they?',
    easyRead: null,
    kind: 'scale',
    choices: [],
    required: false,
  });
  await voice.addQuestion(caller, slug, {
    text: 'What is missing?',
    easyRead: null,
    kind: 'text',
    choices: [],
    required: false,
  });
  await voice.setStatus(caller, slug, 'open');
  return `/have-your-say/${partnership}/${(await voice.get(caller, slug)).consultation.linkToken}`;
}
