import type { NlpQuote } from '../nlp/types.js';
import type { Method, Mention } from './mentions.js';
import { insideQuote, sentenceAt, type QuoteSpan, type TextDoc } from './text.js';
import { alternation, type Vocabulary } from './vocab.js';

/**
 * Stage 4, quotes: each quotation in the text and who said it. Rules, in order of preference:
 * 1. an attribution right after the closing mark: `," said Putin`, `," Sullivan said`, `," he added`;
 * 2. a speaker before the opening mark in the same sentence: `Kim said the meeting was "..."`,
 *    `A spokesman at the State Department told RFA that "..."`;
 * 3. a pronoun or no attribution at all: the speaker of the previous quote in the same or the previous
 *    paragraph when the text between them names nobody, else the subject (first person named outside
 *    quotes) of the nearest earlier sentence that names one.
 * Quoted phrases of fewer than three words with no attribution are scare quotes and are skipped.
 * With the model's quotes (CoreNLP's `quote` annotator with speaker attribution), its speaker is
 * taken where the rules had only the weak cases (3.) or nothing, and confirms them where both agree.
 */

export interface AttributedQuote {
  span: QuoteSpan;
  text: string;
  speaker: string;
  method: Method;
  rule: string;
  confidence: number;
}

export interface QuotesInput {
  doc: TextDoc;
  vocab: Vocabulary;
  /** Resolved people (speakers are chosen among them). */
  people: Mention[];
  /** Unnamed speakers the relations know of ("a spokesman at the State Department"). */
  unnamed: Mention[];
  /** The model's quotes with their speakers, when the article was annotated. */
  modelQuotes?: NlpQuote[];
}

export function quotesStage(input: QuotesInput): AttributedQuote[] {
  const rules = ruleQuotes(input);
  return input.modelQuotes ? mergeModel(input, rules, input.modelQuotes) : rules;
}

function ruleQuotes({ doc, vocab, people, unnamed }: QuotesInput): AttributedQuote[] {
  const verbs = alternation(vocab.speechVerbs);
  const pronouns = alternation(vocab.subjectPronouns);
  const participles = new Set(vocab.participles.map((p) => p.toLowerCase()));
  // `," said NAME` and `," said Chinese Foreign Ministry spokesman NAME` (a title between).
  const afterVerbName = new RegExp(`^[\\s,.]*(?:${verbs})\\s+(?:[^\\s.;:“”"]+\\s+|\\p{Lu}[\\p{L}]*\\.\\s+){0,7}$`, 'u');
  // After the name: an apposition or adverb, then the verb (`," Portman, Ohio Republican, said`).
  const afterNameVerb = new RegExp(`^(?:,[^,“”"]{0,80},)?\\s+(?:(?:also|later|then|once|has|had|recently|earlier|further|quickly|simply|flatly)\\s+)*(?:${verbs})\\b`);
  const speechVerb = new RegExp(`\\b(?:${verbs})\\b`, 'i');
  const beforeVerb = new RegExp(`\\b(?:${verbs}|according to|in a statement|in a note|in an interview)\\b`, 'gi');
  const pronounVerb = new RegExp(`\\b(?:${pronouns})\\s+(?:(?:also|then|later|has|had|once|again|further)\\s+)*$`, 'i');
  const nominal = new RegExp(`^[\\s,.]*(?:(?:${verbs})\\s+)?the\\s+(?:[\\p{Ll}-]+\\s+){0,3}?(${alternation(vocab.titles.nouns)})\\b(?:\\s+(?:${verbs}))?`, 'iu');
  const titleWords = new Set([...vocab.titles.nouns, ...vocab.titles.modifiers].map((w) => w.toLowerCase()));
  const out: AttributedQuote[] = [];
  const speakers = [...people, ...unnamed].filter((m) => !m.inQuote && m.id !== '').sort((a, b) => a.start - b.start);
  let previous: AttributedQuote | undefined;
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    const words = text.split(/\s+/).filter(Boolean).length;
    const sentence = doc.sentences[sentenceAt(doc, q.open)];
    const paragraph = doc.paragraphs[q.paragraph];
    // The attribution region after the close runs to the next quote's opening mark, the sentence's
    // end or the paragraph's end.
    const nextOpen = doc.quotes.find((o) => o.open > q.close && o.paragraph === q.paragraph)?.open ?? paragraph?.end ?? doc.text.length;
    const afterStart = q.close + 1;
    const closeSentence = doc.sentences[sentenceAt(doc, Math.min(afterStart, doc.text.length - 1))];
    const limitAfter = Math.min(nextOpen, afterStart + 200, (closeSentence?.end ?? doc.text.length) + 1);
    const afterText = doc.text.slice(afterStart, limitAfter);
    // A quote that ends its sentence ("...Russia.") is followed by a new sentence: its first name
    // is the speaker only when the verb follows at once ("...Russia." Putin said).
    const ended = /[.!?…]$/.test(text) && !/,\s*$/.test(doc.text.slice(q.end, q.close));

    let speaker: { id: string } | undefined;
    let rule = '';
    // 1. After the closing mark: `," said NAME`, `," NAME said`, `," Sen. NAME, R-Ohio, said`,
    //    `” despite ..., government spokesman NAME said` (same sentence).
    for (const m of speakers) {
      if (m.start < afterStart || m.start >= limitAfter) continue;
      const between = doc.text.slice(afterStart, m.start);
      if (afterVerbName.test(between) && !(ended && /^\s*\p{Lu}/u.test(between))) {
        speaker = m;
        rule = 'quote-after-verb-name';
        break;
      }
      if (speechVerb.test(between) || /[.!?;]\s/.test(between.replace(/\b(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Gov|Lt|Col|Adm|St|Jr|Sr)\./gu, ''))) break;
      const tail = doc.text.slice(m.end, m.end + 120);
      const direct = /^[\s,.]*$/.test(between);
      if (ended ? /^\s*(?:\p{Lu}[\p{L}.]*\s+|\p{Ll}+\s+){0,6}$/u.test(between) && /^\s+(?:(?:also|later)\s+)?(?:said|says|added|wrote|writes|tweeted|told)\b/.test(tail) : afterNameVerb.test(tail)) {
        speaker = m;
        rule = direct ? 'quote-after-name-verb' : 'quote-after-title-name-verb';
        break;
      }
    }
    // `," the enthusiastic prime minister replied`: the person the article gave that title.
    if (!speaker) {
      const n = nominal.exec(afterText);
      const who = n && !(ended && !/^[\s,.]*\p{Ll}/u.test(afterText)) ? byTitle(people, n[1] as string, q.open) : undefined;
      if (who) {
        speaker = who;
        rule = 'quote-after-title';
      }
    }
    let pronoun = false;
    if (!speaker && new RegExp(`^[\\s,.]*(?:${pronouns})\\s+(?:(?:also|later|then)\\s+)?(?:${verbs})\\b`, 'i').test(afterText) && !(ended && /^\s*\p{Lu}/u.test(afterText) && !/^\s*(?:He|She)\s+(?:said|added)\b/.test(afterText))) pronoun = true;
    // 2. Before the opening mark, in the same sentence: the subject of the nearest speech verb.
    if (!speaker && !pronoun && sentence) {
      const regionStart = Math.max(sentence.start, paragraph?.start ?? 0);
      const region = doc.text.slice(regionStart, q.open);
      let verb: RegExpExecArray | undefined;
      for (const v of region.matchAll(beforeVerb)) if (!insideQuote(doc, regionStart + v.index, regionStart + v.index + 1)) verb = v as RegExpExecArray;
      if (verb || /:\s*$/.test(region)) {
        const vAt = regionStart + (verb ? verb.index : region.length);
        if (verb && pronounVerb.test(doc.text.slice(regionStart, vAt))) pronoun = true;
        else if (verb && /^according to$/i.test(verb[0])) {
          // "according to X, ..." : the name after it.
          const after = speakers.find((m) => m.start >= vAt && m.end <= q.open);
          if (after) {
            speaker = after;
            rule = 'quote-according-to';
          }
        } else {
          const all = speakers.filter((m) => m.start >= regionStart && m.end <= vAt && !insideAnyQuote(doc, m) && !inClause(doc, m, regionStart, vAt));
          // "Modi met Putin on Friday and told him: ...": a name right after a verb or preposition
          // is its object, not the speaker.
          const subjects = all.filter((m) => !objectOf(doc, m, regionStart, titleWords));
          const cands = subjects.length > 0 ? subjects : all;
          const participle = verb !== undefined && participles.has(verb[0].toLowerCase()) && /,\s*$/.test(doc.text.slice(regionStart, vAt));
          const cand = participle ? cands[0] : cands[cands.length - 1];
          if (cand) {
            speaker = cand;
            rule = participle ? 'quote-subject-participle' : 'quote-before-name-verb';
          }
        }
      }
    }
    // 3. Pronoun or no attribution: the previous quote's speaker or the nearest earlier subject.
    if (!speaker) {
      // Without an attribution only a quote that stands alone (opens its sentence) is a quote: a
      // quoted phrase inside someone else's sentence is a document's words or scare quotes.
      const standalone = /^\s*$/.test(doc.text.slice(sentence?.start ?? q.open, q.open));
      if (!pronoun && (words < 3 || !standalone)) continue;
      const prevSpeaker = previousSpeaker(doc, q, previous, speakers);
      if (prevSpeaker) {
        out.push({ span: q, text, speaker: prevSpeaker.id, method: 'rule', rule: pronoun ? 'quote-pronoun' : 'quote-continued', confidence: pronoun ? 0.75 : 0.65 });
        previous = out[out.length - 1];
      }
      continue;
    }
    out.push({ span: q, text, speaker: speaker.id, method: 'rule', rule, confidence: rule === 'quote-after-title' ? 0.75 : 0.9 });
    previous = out[out.length - 1];
  }
  return out;
}

/** True when the word right before a name (in its sentence) is a lowercase verb or preposition, not a title ("met Putin", "with Xi"). */
function objectOf(doc: TextDoc, m: Mention, from: number, titleWords: Set<string>): boolean {
  const w = /(?<!\p{L})(\p{Ll}+)\s+$/u.exec(doc.text.slice(from, m.start));
  return w !== null && !titleWords.has(w[1] as string) && !/^(?:and|or|but|then|that|as|while|when|because|since|the|new|former|late)$/.test(w[1] as string);
}

/** True when a quotation opens its sentence and has three words or more. */
function standalone(doc: TextDoc, q: QuoteSpan): boolean {
  const sentence = doc.sentences[sentenceAt(doc, q.open)];
  return /^\s*$/.test(doc.text.slice(sentence?.start ?? q.open, q.open)) && doc.text.slice(q.start, q.end).split(/\s+/).length >= 3;
}

/** True when a mention sits in a comma-delimited clause before the verb (", who met Kim twice,"). */
function inClause(doc: TextDoc, m: Mention, from: number, verbAt: number): boolean {
  const before = doc.text.slice(from, m.start);
  const open = Math.max(before.lastIndexOf(','), before.lastIndexOf('('), before.lastIndexOf('–'), before.lastIndexOf('—'));
  if (open < 0) return false;
  const clause = before.slice(open);
  if (!/^[,(–—]\s*(?:who|which|whom|whose|during|after|before|with|in|at|on|a|an|the|like|unlike|including|as|than|while)\b/i.test(clause)) return false;
  // The clause closes before the verb.
  const rest = doc.text.slice(m.end, verbAt);
  return /[,)–—]/.test(rest);
}

/** The article person with a title containing `noun` ("prime minister"), the last one named before `at`. */
function byTitle(people: Mention[], noun: string, at: number): Mention | undefined {
  const n = noun.toLowerCase();
  const cands = people.filter((p) => p.start < at && !p.inQuote && p.title && p.title.toLowerCase().includes(n));
  const ids = [...new Set(cands.map((c) => c.id))];
  if (ids.length === 0) return undefined;
  return cands[cands.length - 1];
}

/**
 * Combines the rules' quotes with the model's: for each quotation span, the model's speaker (when it
 * resolves to one of the article's people) replaces a weak rule attribution (pronoun, continued) or
 * fills a gap; an explicit rule attribution stands; agreement raises the confidence.
 */
function mergeModel(input: QuotesInput, rules: AttributedQuote[], model: NlpQuote[]): AttributedQuote[] {
  const { doc, people } = input;
  const out: AttributedQuote[] = [];
  const byOpen = new Map(rules.map((r) => [r.span.open, r]));
  for (const q of doc.quotes) {
    const rule = byOpen.get(q.open);
    const m = model.find((x) => x.start <= q.open + 1 && q.open < x.end);
    const speaker = m ? modelSpeaker(m, people) : undefined;
    if (rule && speaker === rule.speaker) {
      out.push({ ...rule, method: 'model', rule: `${rule.rule}-model-agrees`, confidence: Math.min(0.97, rule.confidence + 0.05) });
    } else if (rule && (rule.confidence >= 0.9 || !speaker)) {
      out.push(rule);
    } else if (speaker && (rule || standalone(doc, q))) {
      // Where the rules saw no speaker, only a quote that stands alone is taken: quoted words inside
      // a sentence without a speech verb are a document's words or scare quotes.
      const text = doc.text.slice(q.start, q.end);
      out.push({ span: q, text, speaker, method: 'model', rule: 'corenlp-quote', confidence: 0.8 });
    }
  }
  return out;
}

/**
 * The article person the model's speaker is, when the model linked the quote to a name next to it
 * (its pronoun resolution, without coreference, mostly picks the wrong person: the rules' previous
 * speaker is better there): the person at the mention's span, else by the name.
 */
function modelSpeaker(q: NlpQuote, people: Mention[]): string | undefined {
  if (q.mentionType !== undefined && q.mentionType !== 'name') return undefined;
  for (const [s, e] of [
    [q.mentionStart, q.mentionEnd],
    [q.speakerStart, q.speakerEnd],
  ]) {
    if (s === undefined || e === undefined) continue;
    const hit = people.find((p) => p.id !== '' && p.start < e && s < p.end);
    if (hit) return hit.id;
  }
  for (const name of [q.canonicalSpeaker, q.speaker]) {
    if (!name || /^(?:he|she|they|i|we|you|him|her)$/i.test(name)) continue;
    const words = name.split(/\s+/);
    const last = words[words.length - 1] as string;
    const exact = people.find((p) => p.id !== '' && p.name === name);
    if (exact) return exact.id;
    const ids = [...new Set(people.filter((p) => p.id !== '' && p.name.split(/\s+/).includes(last)).map((p) => p.id))];
    if (ids.length === 1) return ids[0];
  }
  return undefined;
}

/** The sentence's subject among the people it names: one followed by a verb, else the first. */
export function subjectOf(doc: TextDoc, named: Mention[]): Mention {
  const verbish = /^(?:,[^,]{0,80},)?\s+(?:(?:also|then|later|has|had|have|was|is|did|does)\s+)?(?:\p{Ll}+(?:ed|s)\b|said|told|wrote|spoke|met|held|made|gave|took|went|came|saw|set)/u;
  return named.find((m) => verbish.test(doc.text.slice(m.end, m.end + 120))) ?? (named[0] as Mention);
}

function lastMatch(text: string, re: RegExp): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let at = -1;
  for (const m of text.matchAll(g)) at = m.index;
  return at;
}

function insideAnyQuote(doc: TextDoc, m: Mention): boolean {
  return doc.quotes.some((q) => m.start >= q.open && m.end <= q.close + 1);
}

/**
 * The speaker a pronoun or an unattributed quote refers to: the previous quote's speaker when nobody
 * is named between the two quotes (outside quotation marks) and it is at most one paragraph back;
 * otherwise the subject (outside quotes) of the nearest earlier sentence that names one.
 */
function previousSpeaker(doc: TextDoc, q: QuoteSpan, previous: AttributedQuote | undefined, speakers: Mention[]): { id: string } | undefined {
  const namedBetween = (from: number): Mention[] => speakers.filter((m) => m.start >= from && m.end <= q.open);
  if (previous && q.paragraph - previous.span.paragraph <= 1 && namedBetween(previous.span.close).length === 0) {
    return { id: previous.speaker };
  }
  const sentenceIdx = sentenceAt(doc, q.open);
  for (let s = sentenceIdx; s >= 0 && s >= sentenceIdx - 6; s--) {
    const sent = doc.sentences[s];
    if (!sent) continue;
    const limit = s === sentenceIdx ? q.open : sent.end;
    const named = speakers.filter((m) => m.start >= sent.start && m.end <= limit && !insideAnyQuote(doc, m));
    if (named.length > 0) return subjectOf(doc, named);
    if (previous && previous.span.open >= sent.start && previous.span.open < sent.end) return { id: previous.speaker };
  }
  return previous ? { id: previous.speaker } : undefined;
}
