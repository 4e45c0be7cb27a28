import type { Mention } from './mentions.js';
import type { QuoteSpan, TextDoc } from './text.js';

/**
 * Attributing quotations to speakers. In order of preference:
 * 1. an attribution right after the closing mark: `," said Putin`, `," Sullivan said`, `," he added`;
 * 2. a speaker before the opening mark in the same sentence: `Kim said the meeting was "..."`,
 *    `A spokesman at the State Department told RFA that "..."`;
 * 3. a pronoun or no attribution at all: the speaker of the previous quote in the same or the previous
 *    paragraph when the text between them names nobody, else the subject (first person named outside
 *    quotes) of the nearest earlier sentence that names one.
 * Quoted phrases of fewer than three words with no attribution are scare quotes and are skipped.
 */

export interface AttributedQuote {
  span: QuoteSpan;
  text: string;
  speaker: string;
  rule: string;
  confidence: number;
}

const VERBS = 'said|says|added|wrote|told|asked|noted|explained|argued|continued|warned|stressed|insisted|replied|responded|declared|tweeted|posted|recalled|cautioned|observed|remarked|concluded|joked|conceded|acknowledged|predicted|quipped|writes';
const AFTER_VERB_NAME = new RegExp(`^[\\s,.]*(?:${VERBS})\\s+$`);
const AFTER_NAME_VERB = new RegExp(`^\\s+(?:(?:also|later|then|once)\\s+)?(?:${VERBS})\\b`);
const AFTER_PRONOUN = new RegExp(`^[\\s,.]*(?:he|she|they)\\s+(?:(?:also|later|then)\\s+)?(?:${VERBS})\\b`, 'i');
const BEFORE_VERB = new RegExp(`\\b(?:${VERBS}|according to|in a statement|in a note|in an interview)\\b`, 'i');

export function attributeQuotes(doc: TextDoc, people: Mention[], unnamed: Mention[]): AttributedQuote[] {
  const out: AttributedQuote[] = [];
  const speakers = [...people, ...unnamed].filter((m) => !m.inQuote && m.id !== '').sort((a, b) => a.start - b.start);
  let previous: AttributedQuote | undefined;
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    const words = text.split(/\s+/).filter(Boolean).length;
    const sentence = doc.sentences.find((s) => q.open >= s.start && q.open < s.end) ?? doc.sentences.find((s) => s.start > q.open);
    const paragraph = doc.paragraphs[q.paragraph];
    // The attribution region after the close runs to the next quote's opening mark or the paragraph end.
    const nextOpen = doc.quotes.find((o) => o.open > q.close && o.paragraph === q.paragraph)?.open ?? paragraph?.end ?? doc.text.length;
    const afterStart = q.close + 1;
    const afterText = doc.text.slice(afterStart, Math.min(nextOpen, afterStart + 160));

    let speaker: Mention | undefined;
    let rule = '';
    // 1a. `," said NAME` / `," NAME said`
    for (const m of speakers) {
      if (m.start < afterStart || m.start > afterStart + 120 || m.start >= nextOpen) continue;
      const between = doc.text.slice(afterStart, m.start);
      if (AFTER_VERB_NAME.test(between)) {
        speaker = m;
        rule = 'quote:after-verb-name';
        break;
      }
      if (/^[\s,.]*$/.test(between) && AFTER_NAME_VERB.test(doc.text.slice(m.end, m.end + 40))) {
        speaker = m;
        rule = 'quote:after-name-verb';
        break;
      }
      break;
    }
    let pronoun = false;
    if (!speaker && AFTER_PRONOUN.test(afterText)) pronoun = true;
    const lead = sentence ? doc.text.slice(Math.max(sentence.start, paragraph?.start ?? 0), q.open) : '';
    if (!speaker && new RegExp(`\\b(?:he|she)\\s+(?:(?:also|then|later)\\s+)?(?:${VERBS})\\s*:?\\s*$`, 'i').test(lead)) pronoun = true;
    // "he was briefer: “...”": a colon after a clause whose subject is a pronoun.
    if (!speaker && /\b(?:he|she)\b[^.“”"]*:\s*$/i.test(lead)) pronoun = true;
    // 2. A speaker earlier in the same sentence, followed by a speech verb before the quote.
    if (!speaker && !pronoun && sentence) {
      const region = doc.text.slice(sentence.start, q.open);
      const verbAt = lastMatch(region, BEFORE_VERB);
      if (verbAt >= 0 || /:\s*$/.test(region)) {
        const limit = sentence.start + (verbAt >= 0 ? verbAt : region.length);
        const cands = speakers.filter((m) => m.start >= sentence.start && m.end <= limit && !insideAnyQuote(doc, m));
        const cand = cands[cands.length - 1];
        if (cand) {
          speaker = cand;
          rule = 'quote:before-name-verb';
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
        out.push({ span: q, text, speaker: prevSpeaker.id, rule: pronoun ? 'quote:pronoun' : 'quote:continued', confidence: pronoun ? 0.75 : 0.65 });
        previous = out[out.length - 1];
      }
      continue;
    }
    out.push({ span: q, text, speaker: speaker.id, rule, confidence: 0.9 });
    previous = out[out.length - 1];
  }
  return out;
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
 * otherwise the first person named (outside quotes) in the nearest earlier sentence that names one.
 */
function previousSpeaker(doc: TextDoc, q: QuoteSpan, previous: AttributedQuote | undefined, speakers: Mention[]): { id: string } | undefined {
  const namedBetween = (from: number): Mention[] => speakers.filter((m) => m.start >= from && m.end <= q.open);
  if (previous && q.paragraph - previous.span.paragraph <= 1 && namedBetween(previous.span.close).length === 0) {
    return { id: previous.speaker };
  }
  const sentenceIdx = doc.sentences.findIndex((s) => q.open >= s.start && q.open < s.end);
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
