import type { SeedDocument } from '../seed/model.js';

/**
 * Scoring an extraction against a hand-made gold file (test/fixtures/articles/*.gold.yaml; format in
 * that folder's README): precision, recall and F1 per category, on sets of comparable items.
 */

export const CATEGORIES = ['people', 'organizations', 'affiliations', 'countries', 'summit', 'quotes'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Gold {
  article: string;
  published?: string;
  people?: { id: string }[];
  organizations?: { id: string }[];
  affiliations?: { person: string; organization: string }[];
  countries?: string[];
  summit?: { participants?: string[]; date?: string; place?: string };
  quotes?: { speaker: string; text: string }[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  /** What was missed and what was extracted wrongly, for whoever tunes the rules. */
  missed: string[];
  spurious: string[];
}

export function emptyScore(): Score {
  return { tp: 0, fp: 0, fn: 0, missed: [], spurious: [] };
}

export function f1(s: Pick<Score, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function setScore(extracted: Iterable<string>, gold: Iterable<string>): Score {
  const e = new Set(extracted);
  const g = new Set(gold);
  const s = emptyScore();
  for (const x of e) {
    if (g.has(x)) s.tp++;
    else {
      s.fp++;
      s.spurious.push(x);
    }
  }
  for (const x of g) {
    if (!e.has(x)) {
      s.fn++;
      s.missed.push(x);
    }
  }
  return s;
}

/** Quote text as compared: curly quotes and apostrophes straightened, white space folded, lowercased. */
function norm(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function scoreArticle(doc: SeedDocument, gold: Gold): Record<Category, Score> {
  // The fixtures' gold counts forums without a secretariat (G7, G20, Quad) as talks, not as
  // organizations; the extractor makes them organizations (a summit series is PART_OF one), so
  // they are left out of the organizations compared here.
  const mentioned = (doc.entities ?? []).filter((e) => e.mentioned !== false && !(e.kind === 'ORGANIZATION' && /intergovernmental forum/.test(String(e.orgType ?? ''))));
  const ids = (kind: string): string[] => mentioned.filter((e) => e.kind === kind).map((e) => e.id);
  const rel = (type: string): { from: string; to: string }[] => (doc.relations ?? []).filter((r) => r.type === type);

  const summitRel = rel('ATTENDED');
  const summitId = summitRel[0]?.to;
  const summitEntity = (doc.entities ?? []).find((e) => e.id === summitId);
  const heldIn = rel('HELD_IN').find((r) => r.from === summitId)?.to;
  const summitItems = [
    ...summitRel.filter((r) => r.to === summitId).map((r) => `participant:${r.from}`),
    ...(summitEntity?.date ? [`date:${String(summitEntity.date)}`] : []),
    ...(heldIn ? [`place:${heldIn}`] : []),
  ];
  const g = gold.summit;
  const goldSummit = g ? [...(g.participants ?? []).map((p) => `participant:${p}`), ...(g.date ? [`date:${g.date}`] : []), ...(g.place ? [`place:${g.place}`] : [])] : [];

  // Quotes: a gold quote is found when an extracted quote by the same speaker starts with its text.
  const quotes = emptyScore();
  const extractedQuotes = (doc.quotes ?? []).map((q) => ({ speaker: q.speaker, text: norm(q.text), used: false }));
  for (const gq of gold.quotes ?? []) {
    const want = norm(gq.text);
    const hit = extractedQuotes.find((q) => !q.used && q.speaker === gq.speaker && (q.text.startsWith(want) || want.startsWith(q.text)));
    if (hit) {
      hit.used = true;
      quotes.tp++;
    } else {
      quotes.fn++;
      const wrongSpeaker = extractedQuotes.find((q) => q.text.startsWith(want) || want.startsWith(q.text));
      quotes.missed.push(`${gq.speaker}: ${gq.text.slice(0, 50)}${wrongSpeaker ? ` (given to ${wrongSpeaker.speaker})` : ''}`);
    }
  }
  for (const q of extractedQuotes.filter((x) => !x.used)) {
    quotes.fp++;
    quotes.spurious.push(`${q.speaker}: ${q.text.slice(0, 50)}`);
  }

  return {
    people: setScore(ids('PERSON'), (gold.people ?? []).map((p) => p.id)),
    organizations: setScore(ids('ORGANIZATION'), (gold.organizations ?? []).map((o) => o.id)),
    affiliations: setScore(
      rel('AFFILIATED_WITH').map((r) => `${r.from} -> ${r.to}`),
      (gold.affiliations ?? []).map((a) => `${a.person} -> ${a.organization}`),
    ),
    countries: setScore(ids('COUNTRY').map((id) => id.slice('country:'.length)), gold.countries ?? []),
    summit: setScore(summitItems, goldSummit),
    quotes,
  };
}
