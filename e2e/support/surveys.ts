// Surveys made through the services, for the pages that need one in a given state.
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { E2eServer } from '../../test/support/e2e-server.ts';

/** What these need of a server (the attack tests give them their own app's). */
type Fixtures = Pick<E2eServer, 'services' | 'partnershipIds'>;

let made = 0;

/**
 * A survey owned by `owner` with a free-text question (with codes) and a count of children,
 * inviting `invited` authorities; opened unless `draft`. Returns its slug and id.
 */
export async function surveyFor(
  server: Fixtures,
  owner: string,
  options: { invited?: string[]; draft?: boolean; answered?: boolean } = {},
): Promise<{ slug: string; id: string; path: string }> {
  const caller = systemCaller('e2e', server.partnershipIds[owner]!);
  made += 1;
  const { slug } = await server.services.surveys.create(caller, {
    title: `Board arrangements ${made}`,
    purpose: 'What has become of each board',
    opensOn: undefined,
    closesOn: undefined,
  });
  await server.services.surveys.saveQuestion(caller, slug, null, {
    text: 'Is your board continuing?',
    kind: 'text',
    choices: [],
    aboutChildren: false,
    codes: ['continuing', 'under-review'],
  });
  await server.services.surveys.saveQuestion(caller, slug, null, {
    text: 'How many children in care sit on it?',
    kind: 'number',
    choices: [],
    aboutChildren: true,
    codes: [],
  });
  await server.services.surveys.invite(caller, slug, {
    group: 'Others',
    authorities: options.invited ?? ['Medway', 'Bolton'],
    neighbours: false,
  });
  if (!options.draft) await server.services.surveys.setStatus(caller, slug, 'open');
  const survey = (await server.services.surveys.get(caller, slug))!;
  if (options.answered) {
    const link = await server.services.surveys.createLink(caller, slug, {
      respondentId: survey.respondents[0]!.id,
      name: 'Pat Contact',
      email: 'pat@example.org',
    });
    await server.services.surveys.answerByLink(
      server.partnershipIds[owner]!,
      link.token,
      {
        asAt: undefined,
        answers: {
          [survey.questions[0]!.id]: { text: 'Continuing, with a new chair', refersTo: null },
          [survey.questions[1]!.id]: { text: '3', refersTo: null },
        },
      },
      true,
    );
  }
  return { slug, id: survey.survey.id, path: `/partnerships/${owner}/surveys/${slug}` };
}

/** A response link to a fresh open survey of `owner`; returns its address. */
export async function responseLink(server: Fixtures, owner: string): Promise<string> {
  const { slug } = await surveyFor(server, owner);
  const caller = systemCaller('e2e', server.partnershipIds[owner]!);
  const survey = (await server.services.surveys.get(caller, slug))!;
  const link = await server.services.surveys.createLink(caller, slug, {
    respondentId: survey.respondents[0]!.id,
    name: 'Sam Contact',
    email: 'sam@example.org',
  });
  return `/respond/${owner}/${link.token}`;
}
