// Surveys written as data (data/seeds/surveys/*.yaml), each owned by one of the seed
// partnerships, loaded after the partnerships exist.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DataFilesInvalid, parseDataFile, type FileProblem } from '../platform/data-files.ts';
import { systemCaller } from '../platform/http/auth.ts';
import type { Services } from '../services.ts';
import { surveyFileSchema, surveySlug, type SurveyFile } from '../modules/surveys/index.ts';

export { surveySlug };
import { seedsFolder } from './seed.reader.ts';

export const surveysFolder = join(seedsFolder, 'surveys');

export async function readSurveys(folder = surveysFolder): Promise<{ file: string; survey: SurveyFile }[]> {
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const parsed: { file: string; survey: SurveyFile }[] = [];
  const problems: FileProblem[] = [];
  for (const name of names) {
    const { value, problems: found } = parseDataFile(
      name,
      await readFile(join(folder, name), 'utf8'),
      surveyFileSchema,
    );
    problems.push(...found);
    if (value) parsed.push({ file: basename(name), survey: value });
  }
  if (problems.length) throw new DataFilesInvalid('survey files', problems);
  return parsed;
}

export async function importSurveys(
  services: Services,
  surveys: { file: string; survey: SurveyFile }[],
): Promise<{ file: string; outcome: string }[]> {
  const reports = [];
  for (const { file, survey } of surveys) {
    const owner = await services.partnerships.bySlug(survey.survey.owner);
    if (!owner) throw new Error(`${file}: there is no partnership ${survey.survey.owner}`);
    const outcome = await services.surveys.load(
      systemCaller(`seed import (${file})`, owner.id),
      surveySlug(survey.survey.title),
      survey,
    );
    reports.push({ file, outcome });
  }
  return reports;
}
