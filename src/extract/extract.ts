import type { NlpDoc } from '../nlp/types.js';
import type { SeedDocument } from '../seed/model.js';
import { assemble } from './assemble.js';
import { findFirstDate } from './dates.js';
import type { Gazetteer } from './gazetteer.js';
import { mentionsStage } from './mentions.js';
import { quotesStage } from './quotes.js';
import { relationsStage, unnamedSpeakers } from './relations.js';
import { resolutionStage } from './resolve.js';
import { summitStage } from './summit.js';
import { sentencesStage } from './text.js';
import { VOCAB } from './vocab.js';

/**
 * The extractor: one article in, a seed document out (the format reviewed seed files use), every
 * fact carrying its evidence (exact text and offset), how it was found (`method`: `rule:<rule>` or
 * `model:<rule>`) and a confidence. Pure and synchronous: no I/O, no database; resolution against
 * the graph happens in the ingest step.
 *
 * A pipeline of named stages, each a pure function of the ones before (see PIPELINE). Without an
 * NlpDoc every stage runs on rules and the gazetteers (the fast mode); with one (CoreNLP's
 * annotation of `input.text`) the stages also use the model's sentences, entity mentions, dates and
 * quote speakers, while the gazetteers keep the last word on ids, offices, countries and dates
 * relative to the article.
 */

export interface ArticleInput {
  id: string;
  /** The text evidence offsets refer to (front matter removed). */
  text: string;
  title: string;
  published?: string;
  url?: string;
  outlet?: string;
  author?: string;
}

export interface Extraction {
  doc: SeedDocument;
  /** Things a reviewer should look at: names that matched nothing, ambiguous surnames. */
  warnings: string[];
  /** The summit the article is about, when one was found. */
  summitId?: string;
}

/** The stages in order: what each needs and what it adds (for readers and for `npm run eval`'s docs). */
export const PIPELINE = [
  { stage: 'sentences', needs: 'text (+ model sentences)', adds: 'paragraphs, sentences, tokens, quotation spans', module: 'text.ts' },
  { stage: 'mentions', needs: 'sentences, gazetteer, vocabulary (+ model entity mentions)', adds: 'people, organizations, countries, places with spans', module: 'mentions.ts' },
  { stage: 'resolution', needs: 'mentions, gazetteer, publication date', adds: 'stable ids: surnames to full names and office holders, capitals to governments', module: 'resolve.ts' },
  { stage: 'quotes', needs: 'resolved people (+ model quote speakers)', adds: 'quotations with their speakers', module: 'quotes.ts' },
  { stage: 'relations', needs: 'resolved mentions', adds: 'roles, LEADS, AFFILIATED_WITH, talks, MET', module: 'relations.ts' },
  { stage: 'summit', needs: 'everything above (+ model dates)', adds: 'the summit: series, place, dates, participants, topics, outcome; sideline meetings', module: 'summit.ts' },
] as const;

export function extractArticle(input: ArticleInput, gaz: Gazetteer, nlp?: NlpDoc): Extraction {
  const vocab = VOCAB;
  const published = input.published ?? findFirstDate(input.text);
  const doc = sentencesStage(input.text, nlp);
  const mentions = mentionsStage({ doc, gaz, vocab, ...(published ? { published } : {}), ...(nlp ? { nerEntities: nlp.entities } : {}) });
  const resolved = resolutionStage({ doc, mentions, gaz, vocab, ...(published ? { published } : {}) });
  const unnamed = unnamedSpeakers(doc, resolved.organizations);
  const quotes = quotesStage({ doc, vocab, people: resolved.people, unnamed: unnamed.map((u) => u.person), ...(nlp ? { modelQuotes: nlp.quotes } : {}) });
  const relations = relationsStage({ doc, gaz, vocab, resolved, ...(published ? { published } : {}) }, unnamed);
  const summit = summitStage({ doc, gaz, vocab, title: input.title, resolved, relations, quotes, ...(published ? { published } : {}), ...(nlp ? { modelDates: nlp.entities.filter((e) => e.type === 'DATE') } : {}) });
  const article = { ...input, ...(published ? { published } : {}) };
  return assemble({ doc, gaz, vocab, article, resolved, relations, quotes, summit });
}

export { resolveDate } from './dates.js';
