import type { EntityKind, SeedDocument, SeedEntity, SeedEvidence, SeedQuote, SeedRelation } from '../seed/model.js';
import { slugify, type GazEntity, type Gazetteer } from './gazetteer.js';
import type { Method, Mention } from './mentions.js';
import type { AttributedQuote } from './quotes.js';
import type { RelationsOutput } from './relations.js';
import type { Resolved } from './resolve.js';
import type { SummitOutput } from './summit.js';
import type { TextDoc } from './text.js';
import type { Vocabulary } from './vocab.js';

/**
 * The last step: the stages' findings as a seed document (the format reviewed seed files use), every
 * fact with its evidence (the exact text and its offset), `method` (`rule:<rule>` or
 * `model:<rule>`: how it was found) and a confidence. Entities keep every form the article used as
 * aliases, so a later article naming them the same way finds them.
 */

export interface AssembleInput {
  doc: TextDoc;
  gaz: Gazetteer;
  vocab: Vocabulary;
  article: { id: string; title: string; url?: string; published?: string; outlet?: string; author?: string; text: string };
  resolved: Resolved;
  relations: RelationsOutput;
  quotes: AttributedQuote[];
  summit: SummitOutput;
}

/** `rule:apposition`, `model:corenlp-quote`: how a fact was found, as the seed format's `method`. */
export function methodOf(method: Method, rule: string): string {
  return `${method}:${slugify(rule)}`;
}

/**
 * True when an extracted entity's id was made from its name by a pattern or the model (not taken
 * from the gazetteer): ingest looks such names up in the graph before creating a new node.
 */
export function idFromName(e: SeedEntity): boolean {
  const m = String(e.method ?? '');
  return (m.startsWith('rule:') || m.startsWith('model:')) && !m.includes('gazetteer') && !m.startsWith('rule:front-matter');
}

export function assemble(input: AssembleInput): { doc: SeedDocument; warnings: string[]; summitId?: string } {
  const { doc, gaz, resolved, relations, quotes, summit: summitOut, article } = input;
  const warnings = [...resolved.warnings];
  const entities = new Map<string, SeedEntity>();
  const aliasesOf = new Map<string, Set<string>>();
  const span = (start: number, end: number): SeedEvidence => ({ text: doc.text.slice(start, end), at: start });
  const addEntity = (kind: EntityKind, id: string, name: string, m: Mention | undefined, extra: Partial<SeedEntity> = {}): void => {
    const known = gaz.get(id);
    const canonical = known?.name ?? name;
    const prev = entities.get(id);
    if (!prev) {
      entities.set(id, {
        id,
        kind,
        name: canonical,
        ...(kind === 'COUNTRY' ? { isoCode: id.slice('country:'.length) } : {}),
        ...(m ? { evidence: span(m.start, m.end), method: methodOf(m.method, m.rule), confidence: m.confidence } : {}),
        ...extra,
      });
    } else {
      if (extra.labels) prev.labels = [...new Set([...(prev.labels ?? []), ...extra.labels])];
      if (prev.mentioned === false && extra.mentioned !== false && m) {
        delete prev.mentioned;
        Object.assign(prev, { evidence: span(m.start, m.end), method: methodOf(m.method, m.rule), confidence: m.confidence });
      }
    }
    // The forms the article used (not demonyms or capitals, which are other words than names).
    const surface = m && m.kind === kind && !(kind === 'COUNTRY' && m.how !== 'name' && m.how !== 'alias') ? m.text.replace(/’/g, "'").replace(/\s+/g, ' ').trim() : undefined;
    for (const form of [surface, name !== canonical ? name : undefined]) {
      if (!form || form === canonical) continue;
      const set = aliasesOf.get(id) ?? new Set<string>();
      set.add(form);
      aliasesOf.set(id, set);
    }
  };

  // ---- Author and outlet.
  const byline = /(?:^|\n)[ \t]*By[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,3})[ \t]*(?:,[ \t]*([^\n]+))?(?:\n|$)/u.exec(article.text);
  const authorName = article.author ?? byline?.[1];
  const authorId = authorName ? `person:${slugify(authorName)}` : undefined;
  const outletId = resolveOutlet(article, doc, gaz, resolved.organizations, byline?.[2]);

  for (const m of resolved.people) addEntity('PERSON', m.id, m.name, m);
  for (const u of relations.unnamed) addEntity('PERSON', u.person.id, u.person.name, u.person, { labels: ['Official'] });
  for (const m of resolved.organizations) addEntity('ORGANIZATION', m.id, m.name, m, orgExtras(gaz.get(m.id)));
  for (const m of resolved.countries) addEntity('COUNTRY', m.id, m.name, m);
  for (const m of resolved.places) if (gaz.get(m.id)) addEntity('PLACE', m.id, m.name, m, placeExtras(gaz.get(m.id)));
  if (authorName && authorId) addEntity('PERSON', authorId, authorName, undefined, { labels: ['Journalist'], method: article.author ? 'rule:front-matter-author' : 'rule:byline', confidence: 0.9 });
  if (outletId && !entities.has(outletId)) {
    const o = gaz.get(outletId);
    addEntity('ORGANIZATION', outletId, o?.name ?? article.outlet ?? outletId, undefined, { method: 'rule:front-matter-outlet', confidence: 0.9, ...orgExtras(o) });
    if (article.outlet && article.outlet !== (o?.name ?? article.outlet)) aliasesOf.set(outletId, new Set([...(aliasesOf.get(outletId) ?? []), article.outlet]));
  }

  const relationsOut: SeedRelation[] = [];
  const relKeys = new Set<string>();
  const addRelation = (r: SeedRelation): void => {
    const key = `${r.type}|${r.from}|${r.to}|${String(r.title ?? '')}|${String(r.since ?? '')}`;
    if (relKeys.has(key) || r.from === r.to) return;
    relKeys.add(key);
    relationsOut.push(r);
  };

  // ---- Leaders' offices.
  for (const l of relations.leads) {
    addRelation({ type: 'LEADS', from: l.person, to: l.country, title: l.title, ...(l.since ? { since: l.since } : {}), ...(l.until ? { until: l.until } : {}), evidence: span(l.start, l.end), method: methodOf(l.method, l.rule), confidence: l.confidence });
    if (!entities.has(l.country)) addEntity('COUNTRY', l.country, gaz.get(l.country)?.name ?? l.country, undefined, { mentioned: false });
  }
  // ---- Affiliations.
  for (const a of relations.affiliations) {
    if (!entities.has(a.person) || !entities.has(a.org)) continue;
    addRelation({ type: 'AFFILIATED_WITH', from: a.person, to: a.org, ...(a.title ? { title: a.title } : {}), evidence: span(a.start, a.end), method: methodOf(a.method, a.rule), confidence: a.confidence });
  }
  if (authorId && outletId) {
    addRelation({ type: 'AFFILIATED_WITH', from: authorId, to: outletId, ...(byline ? { evidence: { text: byline[0].trim(), at: byline.index + byline[0].indexOf(byline[0].trim()) } } : {}), method: byline ? 'rule:byline-outlet' : 'rule:front-matter-author-outlet', confidence: 0.7 });
  }

  // ---- The summit.
  const s = summitOut.summit;
  if (s) {
    const ev = span(s.at, s.end);
    addEntity('SUMMIT', s.id, s.name, undefined, {
      date: s.date,
      ...(s.endDate ? { endDate: s.endDate } : {}),
      ...(s.outcome ? { outcome: s.outcome.label } : {}),
      method: methodOf(s.method, s.rule),
      confidence: s.confidence,
      evidence: ev,
    });
    for (const p of s.participants) {
      if (!entities.has(p.id)) continue;
      addRelation({ type: 'ATTENDED', from: p.id, to: s.id, evidence: span(p.at, p.end), method: methodOf('rule', p.rule), confidence: p.confidence });
    }
    if (s.series) {
      const g = gaz.get(s.series);
      const spec = input.vocab.series.find((x) => x.org === s.series);
      if (!entities.has(s.series)) addEntity('ORGANIZATION', s.series, g?.name ?? spec?.name ?? s.series, undefined, { mentioned: false, ...orgExtras(g) });
      addRelation({ type: 'PART_OF', from: s.id, to: s.series, evidence: ev, method: methodOf('rule', 'summit-series'), confidence: 0.8 });
    }
    if (s.place) {
      const p = s.place;
      const known = gaz.get(p.id);
      const m = p.at !== undefined && p.end !== undefined ? resolved.places.find((x) => x.id === p.id) : undefined;
      addEntity('PLACE', p.id, known?.name ?? p.name, m, { ...placeExtras(known), ...(m ? {} : { method: methodOf('rule', p.created ? 'summit-place-new' : 'summit-place'), confidence: 0.6, ...(p.at !== undefined && p.end !== undefined ? { evidence: span(p.at, p.end) } : {}) }) });
      addRelation({ type: 'HELD_IN', from: s.id, to: p.id, evidence: p.at !== undefined && p.end !== undefined ? span(p.at, p.end) : ev, method: methodOf('rule', 'summit-place'), confidence: 0.7 });
      addPlaceChain(p.id, p.created?.within, gaz, addEntity, addRelation);
    }
    for (const t of s.topics) {
      addEntity('TOPIC', t.id, t.name, undefined, { method: methodOf('rule', 'topic-vocabulary'), confidence: 0.6, evidence: span(t.at, t.end) });
      addRelation({ type: 'DISCUSSED', from: s.id, to: t.id, evidence: span(t.at, t.end), method: methodOf('rule', 'topic-vocabulary'), confidence: 0.6 });
    }
  }

  // ---- Multilateral talks.
  for (const t of relations.talks) {
    addEntity('TALKS', t.id, t.name, undefined, { ...(t.start ? { startYear: t.start } : {}), method: 'rule:talks', confidence: 0.7, evidence: { text: doc.text.slice(t.at, t.at + t.name.length), at: t.at } });
    for (const [country, info] of t.members) {
      const sentence = doc.sentences.find((x) => x.start === info.at);
      addRelation({ type: 'MEMBER_OF', from: country, to: t.id, ...(t.start ? { joined: t.start } : {}), ...(info.left ? { left: info.left } : {}), ...(sentence ? { evidence: span(sentence.start, sentence.end) } : {}), method: 'rule:talks-members', confidence: 0.65 });
    }
  }

  // ---- Meetings.
  for (const met of summitOut.meetings) {
    for (const id of [met.from, met.to]) if (!entities.has(id)) addEntity('PERSON', id, gaz.get(id)?.name ?? id, undefined, { method: 'rule:gazetteer-leader-of', confidence: 0.6, mentioned: false, ...(gaz.get(id)?.terms.length ? { labels: ['Leader'] } : {}) });
    const placeOk = met.place !== undefined && entities.has(met.place);
    addRelation({ type: 'MET', from: met.from, to: met.to, ...(met.date ? { date: met.date } : {}), ...(placeOk ? { place: met.place } : {}), ...(met.summit && entities.has(met.summit) ? { summit: met.summit } : {}), evidence: span(met.start, met.end), method: methodOf(met.method, met.rule), confidence: met.confidence });
  }

  // ---- Roles and aliases.
  for (const [id, set] of relations.labels) {
    const e = entities.get(id);
    if (e) e.labels = [...new Set([...(e.labels ?? []), ...set])];
  }
  for (const [id, set] of aliasesOf) {
    const e = entities.get(id);
    if (e) e.aliases = [...new Set([...(e.aliases ?? []), ...set])].filter((a) => a !== e.name);
  }

  // ---- Quotes.
  const summitId = s?.id;
  const slug = article.id.slice('article:'.length);
  const seedQuotes: SeedQuote[] = quotes.map((q, i) => {
    const inside = resolved.countries.filter((c) => c.start >= q.span.start && c.end <= q.span.end).map((c) => c.id);
    return {
      id: `quote:${slug}-${String(i + 1).padStart(2, '0')}`,
      speaker: q.speaker,
      text: q.text,
      about: [...new Set([...(summitId ? [summitId] : []), ...inside])],
      evidence: { text: q.text, at: q.span.start },
      method: methodOf(q.method, q.rule),
      confidence: q.confidence,
    };
  });
  for (const q of seedQuotes) if (!entities.has(q.speaker)) warnings.push(`quote ${q.id}: speaker ${q.speaker} is not an extracted person`);

  const seed: SeedDocument = {
    format: 'summit-graph/seed@1',
    article: {
      id: article.id,
      title: article.title,
      ...(article.url ? { url: article.url } : {}),
      ...(article.published ? { publishedAt: article.published } : {}),
      ...(outletId ? { outlet: outletId } : {}),
      ...(authorId ? { authors: [authorId] } : {}),
    },
    entities: [...entities.values()],
    relations: relationsOut,
    quotes: seedQuotes.filter((q) => entities.has(q.speaker)),
  };
  return { doc: seed, warnings, ...(summitId ? { summitId } : {}) };
}

function orgExtras(g: GazEntity | undefined): Partial<SeedEntity> {
  return g?.orgType ? { orgType: g.orgType } : {};
}

function placeExtras(g: GazEntity | undefined): Partial<SeedEntity> {
  return g?.placeType ? { placeType: g.placeType } : {};
}

/** LOCATED_IN for a place and its ancestors, as far as the gazetteer (or the text, for a new place) knows them. */
function addPlaceChain(
  placeId: string,
  createdWithin: string | undefined,
  gaz: Gazetteer,
  addEntity: (kind: EntityKind, id: string, name: string, m: Mention | undefined, extra?: Partial<SeedEntity>) => void,
  addRelation: (r: SeedRelation) => void,
): void {
  let cur = placeId;
  for (let depth = 0; depth < 6; depth++) {
    const g = gaz.get(cur);
    const parentId = depth === 0 && !g ? createdWithin : g?.within ?? g?.country;
    if (!parentId) return;
    const parent = gaz.get(parentId);
    addEntity(parentId.startsWith('country:') ? 'COUNTRY' : 'PLACE', parentId, parent?.name ?? parentId, undefined, { mentioned: false, ...(parentId.startsWith('place:') ? placeExtras(parent) : {}) });
    addRelation({ type: 'LOCATED_IN', from: cur, to: parentId, method: depth === 0 && !g ? 'rule:place-in-text' : 'rule:gazetteer-place', confidence: depth === 0 && !g ? 0.6 : 0.9 });
    if (parentId.startsWith('country:')) return;
    cur = parentId;
  }
}

/** The publishing organization: front matter, else the byline's, else "Additional reporting by <Org>" (its parent outlet). */
function resolveOutlet(article: AssembleInput['article'], doc: TextDoc, gaz: Gazetteer, orgs: Mention[], bylineOutlet?: string): string | undefined {
  const named = article.outlet ?? bylineOutlet?.trim();
  if (named) {
    const ids = [...gaz.lookup(named), ...gaz.lookup(named.replace(/^the\s+/i, ''))].filter((id) => id.startsWith('org:'));
    return ids[0] ?? `org:${slugify(named)}`;
  }
  for (const m of doc.text.matchAll(/(?:Additional\s+)?[Rr]eporting by\s+/g)) {
    const org = orgs.find((o) => o.start === m.index + m[0].length);
    if (org) return gaz.get(org.id)?.partOf ?? org.id;
  }
  return undefined;
}
