import type { NlpQuote } from '../nlp/types.js';
import type { Method, Mention } from './mentions.js';
import { sentenceAt, type QuoteSpan, type TextDoc } from './text.js';
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
  // `," said NAME` and `," said Chinese Foreign Ministry spokesman NAME` (a title between).
  const afterVerbName = new RegExp(`^[\\s,.]*(?:${verbs})\\s+(?:[^\\s.;:“”"]+\\s+){0,6}$`);
  const afterNameVerb = new RegExp(`^(?:,[^,“”"]{0,80},)?\\s+(?:(?:also|later|then|once|has|had|had\\s+earlier)\\s+)?(?:${verbs})\\b`);
  const afterPronoun = new RegExp(`^[\\s,.]*(?:${pronouns})\\s+(?:(?:also|later|then)\\s+)?(?:${verbs})\\b`, 'i');
  const beforeVerb = new RegExp(`\\b(?:${verbs}|according to|in a statement|in a note|in an interview)\\b`, 'i');
  const leadPronoun = new RegExp(`\\b(?:${pronouns})\\s+(?:(?:also|then|later)\\s+)?(?:${verbs})\\s*:?\\s*(?:that\\s+)?$`, 'i');
  const out: AttributedQuote[] = [];
  const speakers = [...people, ...unnamed].filter((m) => !m.inQuote && m.id !== '').sort((a, b) => a.start - b.start);
  let previous: AttributedQuote | undefined;
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    const words = text.split(/\s+/).filter(Boolean).length;
    const sentence = doc.sentences[sentenceAt(doc, q.open)];
    const paragraph = doc.paragraphs[q.paragraph];
    // The attribution region after the close runs to the next quote's opening mark or the paragraph end.
    const nextOpen = doc.quotes.find((o) => o.open > q.close && o.paragraph === q.paragraph)?.open ?? paragraph?.end ?? doc.text.length;
    const afterStart = q.close + 1;
    const afterText = doc.text.slice(afterStart, Math.min(nextOpen, afterStart + 160));

    let speaker: Mention | undefined;
    let rule = '';
    // A quote that ends its sentence ("...Russia.") is followed by a new sentence: its subject is
    // the speaker only when the verb follows at once ("...Russia." Putin said).
    const ended = /[.!?…]$/.test(text) && !/,\s*$/.test(doc.text.slice(q.end, q.close));
    // 1. `," said NAME` / `," NAME said` / `," NAME, a ... at X, said`
    for (const m of speakers) {
      if (m.start < afterStart || m.start > afterStart + 120 || m.start >= nextOpen) continue;
      const between = doc.text.slice(afterStart, m.start);
      if (afterVerbName.test(between) && !(ended && /^\s*\p{Lu}/u.test(between))) {
        speaker = m;
        rule = 'quote-after-verb-name';
        break;
      }
      if (/^[\s,.]*$/.test(between) && (ended ? /^\s+(?:said|says|added|wrote|writes|tweeted)\b/ : afterNameVerb).test(doc.text.slice(m.end, m.end + 120))) {
        speaker = m;
        rule = 'quote-after-name-verb';
        break;
      }
      break;
    }
    let pronoun = false;
    if (!speaker && afterPronoun.test(afterText)) pronoun = true;
    const lead = sentence ? doc.text.slice(Math.max(sentence.start, paragraph?.start ?? 0), q.open) : '';
    if (!speaker && leadPronoun.test(lead)) pronoun = true;
    // "he was briefer: “...”": a colon after a clause whose subject is a pronoun.
    if (!speaker && new RegExp(`\\b(?:${pronouns})\\b[^.“”"]*:\\s*$`, 'i').test(lead)) pronoun = true;
    // 2. A speaker earlier in the same sentence, followed by a speech verb before the quote.
    if (!speaker && !pronoun && sentence) {
      const region = doc.text.slice(sentence.start, q.open);
      const verbAt = lastMatch(region, beforeVerb);
      if (verbAt >= 0 || /:\s*$/.test(region)) {
        const limit = sentence.start + (verbAt >= 0 ? verbAt : region.length);
        const cands = speakers.filter((m) => m.start >= sentence.start && m.end <= limit && !insideAnyQuote(doc, m));
        const cand = cands[cands.length - 1];
        if (cand) {
          speaker = cand;
          rule = 'quote-before-name-verb';
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
    out.push({ span: q, text, speaker: speaker.id, method: 'rule', rule, confidence: 0.9 });
    previous = out[out.length - 1];
  }
  return out;
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
    const speaker = m ? modelSpeaker(m, people, doc) : undefined;
    if (rule && speaker === rule.speaker) {
      out.push({ ...rule, method: 'model', rule: `${rule.rule}-model-agrees`, confidence: Math.min(0.97, rule.confidence + 0.05) });
    } else if (rule && (rule.confidence >= 0.9 || !speaker)) {
      out.push(rule);
    } else if (speaker) {
      const text = doc.text.slice(q.start, q.end);
      out.push({ span: q, text, speaker, method: 'model', rule: 'corenlp-quote', confidence: 0.8 });
    }
  }
  return out;
}

/** The article person the model's speaker is: by the speaker mention's span, else by its name. */
function modelSpeaker(q: NlpQuote, people: Mention[], doc: TextDoc): string | undefined {
  if (q.speakerStart !== undefined && q.speakerEnd !== undefined) {
    const s = q.speakerStart;
    const e = q.speakerEnd;
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
  void doc;
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
