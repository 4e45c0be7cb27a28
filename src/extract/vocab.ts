import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The rule stages' vocabularies, read once from the YAML files in `vocab/` (what each holds: that
 * folder's README). Loading checks every list the stages use and fails with the file and key when
 * one is missing or of the wrong shape, so a bad edit fails at startup, not as a silent miss. The
 * result is frozen: stages receive it and never change it.
 */

export interface SeriesSpec {
  /** The series' organization id (a gazetteer organization, or one made from `name`). */
  org: string;
  name?: string;
  /** Summit names that imply the series ("Summit of the Americas"). */
  namePhrases: string[];
  /** Member countries with the years they belonged (inclusive; undefined = open). */
  members: { iso: string; from?: number; to?: number }[];
  /** Other bodies that take part in its summits (the EU at the G7). */
  also: string[];
}

export interface Topic {
  id: string;
  name: string;
  /** Lowercase phrases; `*` stands for any word ending. */
  phrases: string[];
}

export interface Vocabulary {
  titles: {
    words: ReadonlySet<string>;
    honorifics: ReadonlySet<string>;
    nouns: string[];
    modifiers: string[];
    leader: string[];
    notLeader: string[];
    official: string[];
    analyst: string[];
  };
  speechVerbs: string[];
  /** Speech participles whose speaker is the clause's subject ("..., saying"). */
  participles: string[];
  subjectPronouns: string[];
  orgs: {
    heads: ReadonlySet<string>;
    genericHeads: ReadonlySet<string>;
    bareBodies: Record<string, Record<string, string>>;
    connectors: ReadonlySet<string>;
    orgOnlyConnectors: ReadonlySet<string>;
    lowercaseBodies: string[];
    thinkTankWords: string[];
    governmentWords: string[];
    governmentTypes: string[];
    analystTypes: string[];
    modifierSuffixes: string[];
  };
  notNameStart: ReadonlySet<string>;
  notNameWords: ReadonlySet<string>;
  meetings: {
    summitNouns: string[];
    strongSummitNouns: string[];
    attendanceVerbs: string[];
    sidelinePhrases: string[];
    meetPhrases: string[];
    futureMarkers: string[];
    laterDayMarkers: string[];
    durationWords: Record<string, number>;
  };
  series: SeriesSpec[];
  topics: Topic[];
  outcomes: { outcome: string; phrases: string[] }[];
  countries: {
    extraNames: Record<string, string[]>;
    preferredNames: Record<string, string>;
    extraCapitals: Record<string, string[]>;
    skipDemonyms: ReadonlySet<string>;
    extraDemonyms: Record<string, string[]>;
    historical: { iso: string; name: string; aliases: string[]; demonyms: string[] }[];
    contextForms: { phrase: string; country: string; context: string[] }[];
  };
  regions: Record<string, string[]>;
}

const DIR = new URL('./vocab/', import.meta.url);

function load(file: string): Record<string, unknown> {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const doc = parseYaml(text) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`src/extract/vocab/${file}: expected a mapping at the top level`);
  return doc as Record<string, unknown>;
}

function strings(doc: Record<string, unknown>, file: string, key: string): string[] {
  const v = doc[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw new Error(`src/extract/vocab/${file}: ${key} must be a list of non-empty strings`);
  return v as string[];
}

function record<T>(doc: Record<string, unknown>, file: string, key: string, check: (v: unknown) => v is T): Record<string, T> {
  const v = doc[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`src/extract/vocab/${file}: ${key} must be a mapping`);
  for (const [k, x] of Object.entries(v)) if (!check(x)) throw new Error(`src/extract/vocab/${file}: ${key}.${k} has the wrong shape`);
  return v as Record<string, T>;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function list<T>(doc: Record<string, unknown>, file: string, key: string, each: (v: Record<string, unknown>, path: string) => T): T[] {
  const v = doc[key];
  if (!Array.isArray(v)) throw new Error(`src/extract/vocab/${file}: ${key} must be a list`);
  return v.map((x, i) => {
    if (typeof x !== 'object' || x === null) throw new Error(`src/extract/vocab/${file}: ${key}[${i}] must be a mapping`);
    return each(x as Record<string, unknown>, `${key}[${i}]`);
  });
}

function field(v: Record<string, unknown>, file: string, path: string, key: string): string {
  const x = v[key];
  if (typeof x !== 'string' || x === '') throw new Error(`src/extract/vocab/${file}: ${path}.${key} must be a non-empty string`);
  return x;
}

function optStrings(v: Record<string, unknown>, file: string, path: string, key: string): string[] {
  const x = v[key];
  if (x === undefined) return [];
  if (!isStrings(x)) throw new Error(`src/extract/vocab/${file}: ${path}.${key} must be a list of strings`);
  return x;
}

/** Members written as `ISO`, `{ISO: year}` (joined) or `{ISO: [joined, left]}`. */
function members(v: unknown, file: string, path: string): SeriesSpec['members'] {
  if (!Array.isArray(v)) throw new Error(`src/extract/vocab/${file}: ${path}.members must be a list`);
  return v.map((m, i) => {
    if (typeof m === 'string') return { iso: m };
    if (typeof m === 'object' && m !== null && Object.keys(m).length === 1) {
      const [iso, years] = Object.entries(m)[0] as [string, unknown];
      if (typeof years === 'number') return { iso, from: years };
      if (Array.isArray(years) && years.length === 2 && years.every(isNumber)) return { iso, from: years[0] as number, to: years[1] as number };
    }
    throw new Error(`src/extract/vocab/${file}: ${path}.members[${i}] must be ISO, {ISO: year} or {ISO: [from, to]}`);
  });
}

export function loadVocabulary(): Vocabulary {
  const titles = load('titles.yaml');
  const speech = load('speech.yaml');
  const orgs = load('organizations.yaml');
  const names = load('names.yaml');
  const meetings = load('meetings.yaml');
  const series = load('series.yaml');
  const topics = load('topics.yaml');
  const outcomes = load('outcomes.yaml');
  const countries = load('countries.yaml');
  const regions = load('regions.yaml');
  const lower = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());
  const vocab: Vocabulary = {
    titles: {
      words: new Set(lower(strings(titles, 'titles.yaml', 'title_words'))),
      honorifics: new Set(lower(strings(titles, 'titles.yaml', 'honorifics'))),
      nouns: strings(titles, 'titles.yaml', 'title_nouns'),
      modifiers: strings(titles, 'titles.yaml', 'title_modifiers'),
      leader: strings(titles, 'titles.yaml', 'leader_titles'),
      notLeader: strings(titles, 'titles.yaml', 'not_leader_qualifiers'),
      official: strings(titles, 'titles.yaml', 'official_titles'),
      analyst: strings(titles, 'titles.yaml', 'analyst_titles'),
    },
    speechVerbs: [...new Set(strings(speech, 'speech.yaml', 'verbs'))],
    participles: strings(speech, 'speech.yaml', 'participles'),
    subjectPronouns: strings(speech, 'speech.yaml', 'pronouns_subject'),
    orgs: {
      heads: new Set(strings(orgs, 'organizations.yaml', 'heads')),
      genericHeads: new Set(strings(orgs, 'organizations.yaml', 'generic_heads')),
      bareBodies: record(orgs, 'organizations.yaml', 'bare_bodies', (v): v is Record<string, string> => typeof v === 'object' && v !== null && Object.values(v).every(isString)),
      connectors: new Set(strings(orgs, 'organizations.yaml', 'connectors')),
      orgOnlyConnectors: new Set(strings(orgs, 'organizations.yaml', 'org_only_connectors')),
      lowercaseBodies: strings(orgs, 'organizations.yaml', 'lowercase_bodies'),
      thinkTankWords: strings(orgs, 'organizations.yaml', 'think_tank_words'),
      governmentWords: strings(orgs, 'organizations.yaml', 'government_words'),
      governmentTypes: strings(orgs, 'organizations.yaml', 'government_types'),
      analystTypes: strings(orgs, 'organizations.yaml', 'analyst_types'),
      modifierSuffixes: strings(orgs, 'organizations.yaml', 'modifier_suffixes'),
    },
    notNameStart: new Set(strings(names, 'names.yaml', 'not_name_start')),
    notNameWords: new Set(strings(names, 'names.yaml', 'not_name_words')),
    meetings: {
      summitNouns: strings(meetings, 'meetings.yaml', 'summit_nouns'),
      strongSummitNouns: strings(meetings, 'meetings.yaml', 'strong_summit_nouns'),
      attendanceVerbs: strings(meetings, 'meetings.yaml', 'attendance_verbs'),
      sidelinePhrases: strings(meetings, 'meetings.yaml', 'sideline_phrases'),
      meetPhrases: strings(meetings, 'meetings.yaml', 'meet_phrases'),
      futureMarkers: strings(meetings, 'meetings.yaml', 'future_markers'),
      laterDayMarkers: strings(meetings, 'meetings.yaml', 'later_day_markers'),
      durationWords: record(meetings, 'meetings.yaml', 'duration_words', isNumber),
    },
    series: list(series, 'series.yaml', 'series', (v, path) => ({
      org: field(v, 'series.yaml', path, 'org'),
      ...(typeof v.name === 'string' ? { name: v.name } : {}),
      namePhrases: optStrings(v, 'series.yaml', path, 'name_phrases'),
      members: members(v.members, 'series.yaml', path),
      also: optStrings(v, 'series.yaml', path, 'also'),
    })),
    topics: list(topics, 'topics.yaml', 'topics', (v, path) => ({
      id: field(v, 'topics.yaml', path, 'id'),
      name: field(v, 'topics.yaml', path, 'name'),
      phrases: optStrings(v, 'topics.yaml', path, 'phrases'),
    })),
    outcomes: list(outcomes, 'outcomes.yaml', 'outcomes', (v, path) => ({
      outcome: field(v, 'outcomes.yaml', path, 'outcome'),
      phrases: optStrings(v, 'outcomes.yaml', path, 'phrases'),
    })),
    countries: {
      extraNames: record(countries, 'countries.yaml', 'extra_names', isStrings),
      preferredNames: record(countries, 'countries.yaml', 'preferred_names', isString),
      extraCapitals: record(countries, 'countries.yaml', 'extra_capitals', isStrings),
      skipDemonyms: new Set(strings(countries, 'countries.yaml', 'skip_demonyms')),
      extraDemonyms: record(countries, 'countries.yaml', 'extra_demonyms', isStrings),
      historical: list(countries, 'countries.yaml', 'historical', (v, path) => ({
        iso: field(v, 'countries.yaml', path, 'iso'),
        name: field(v, 'countries.yaml', path, 'name'),
        aliases: optStrings(v, 'countries.yaml', path, 'aliases'),
        demonyms: optStrings(v, 'countries.yaml', path, 'demonyms'),
      })),
      contextForms: list(countries, 'countries.yaml', 'context_forms', (v, path) => ({
        phrase: field(v, 'countries.yaml', path, 'phrase'),
        country: field(v, 'countries.yaml', path, 'country'),
        context: optStrings(v, 'countries.yaml', path, 'context'),
      })),
    },
    regions: record(regions, 'regions.yaml', 'regions', isStrings),
  };
  return deepFreeze(vocab);
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o) && !(o instanceof Set)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** The vocabulary from `vocab/`, loaded when this module is first imported. */
export const VOCAB: Vocabulary = loadVocabulary();

/** A regular-expression alternation of phrases (longest first, spaces as any white space). */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
