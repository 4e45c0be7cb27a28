/**
 * What the statistical NLP backbone (Stanford CoreNLP, run as a separate local service) tells the
 * extractor about one article's text. The contract between `src/nlp/` (the service, its client and
 * its cache) and `src/extract/` (the stages that use it): plain JSON-able data, no CoreNLP types.
 *
 * Offsets are UTF-16 code-unit offsets into the exact text that was annotated (JavaScript string
 * indexes; Java's char offsets are the same unit), half-open [start, end).
 */

export interface NlpToken {
  start: number;
  end: number;
  word: string;
  /** Penn Treebank part-of-speech tag (NNP, VBD, ...). */
  pos: string;
  lemma: string;
  /** CoreNLP NER tag (PERSON, ORGANIZATION, COUNTRY, CITY, TITLE, DATE, ...) or 'O'. */
  ner: string;
}

export interface NlpDependency {
  /** Dependency relation (nsubj, appos, compound, ...), Universal Dependencies as CoreNLP prints them. */
  dep: string;
  /** Index of the governor token within its sentence, or -1 for ROOT. */
  governor: number;
  /** Index of the dependent token within its sentence. */
  dependent: number;
}

export interface NlpSentence {
  start: number;
  end: number;
  tokens: NlpToken[];
  /** Enhanced++ dependencies when the pipeline ran depparse; empty otherwise. */
  dependencies: NlpDependency[];
}

export interface NlpEntity {
  start: number;
  end: number;
  text: string;
  /** CoreNLP entity-mention type: PERSON, ORGANIZATION, COUNTRY, CITY, LOCATION, NATIONALITY, TITLE, DATE, ... */
  type: string;
  /** Normalized value where CoreNLP gives one (a DATE's TIMEX value such as 2018-06-12 or XXXX-WXX-2). */
  normalized?: string;
  /** Index of the sentence the mention is in. */
  sentence: number;
}

export interface NlpQuote {
  start: number;
  end: number;
  /** The quote as it stands in the text, quotation marks included. */
  text: string;
  /**
   * The speaker CoreNLP attributed the quote to, as it stands in the text, when it found one: a name
   * ("Mark Olsen"), also when the quote's own mention is a pronoun ("he said") that CoreNLP resolved.
   */
  speaker?: string;
  /** The fullest name of that speaker in the document, when CoreNLP found one (never a pronoun). */
  canonicalSpeaker?: string;
  /**
   * Offsets of `speaker` in the text: the mention itself when it is the speaker's name, else the
   * nearest occurrence of the name before the quote (or the first after it).
   */
  speakerStart?: number;
  speakerEnd?: number;
  /** The mention next to the quote that CoreNLP linked it to ("Reyes", "he", "the minister"), with its offsets. */
  mention?: string;
  mentionStart?: number;
  mentionEnd?: number;
  /** CoreNLP's kind of that mention: 'name', 'pronoun' or 'animate noun'. */
  mentionType?: string;
}

export interface NlpDoc {
  sentences: NlpSentence[];
  entities: NlpEntity[];
  quotes: NlpQuote[];
}

export interface AnnotateOptions {
  /** YYYY-MM-DD, the publication date: relative dates ("on Tuesday") resolve against it. */
  date?: string;
  /**
   * Annotate only these [start, end) ranges of the text (e.g. the paragraphs a stage needs): the rest
   * is blanked to spaces before annotation, newlines kept, so offsets still index the whole text and
   * the cost is that of the ranges. Unset: the whole text.
   */
  only?: [number, number][];
}

/** Annotates texts. Implementations: the CoreNLP service client (src/nlp/client.ts, with its checksum cache). */
export interface NlpAnnotator {
  /**
   * Annotates one article's text. `date` (YYYY-MM-DD, the publication date) anchors relative dates.
   * Rejects with an error that names the service and what to do when the service cannot be reached.
   */
  annotate(text: string, options?: AnnotateOptions): Promise<NlpDoc>;
}
