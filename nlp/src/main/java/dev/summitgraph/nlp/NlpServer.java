package dev.summitgraph.nlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.JSONOutputter;
import edu.stanford.nlp.pipeline.QuoteAttributionAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.pipeline.DefaultPaths;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A small HTTP service around one CoreNLP pipeline, for the Node.js client in src/nlp/.
 *
 * <p>Arguments: {@code <host> <port> <threads> <pipeline.properties>}. Endpoints:
 *
 * <ul>
 *   <li>{@code GET /status}: {@code {"ready":true,"corenlp":...,"threads":N,"pipeline":"<sha256 of the
 *       properties file>","loadMs":...,"annotated":<documents so far>}}; the client compares the hash
 *       with its own copy so cached annotations stay honest.
 *   <li>{@code POST /annotate?date=YYYY-MM-DD}: the body is the UTF-8 text; the answer is CoreNLP's
 *       JSON (its field names, the parts the extractor uses, plus the speaker mention's offsets that
 *       CoreNLP's own JSON writer leaves out). 400 for a bad request, 413 over 1 MiB, 500 with the
 *       exception's message when annotation fails.
 * </ul>
 *
 * <p>Why not StanfordCoreNLPServer: it runs every request on a shared pipeline from a thread pool, and
 * CoreNLP's {@code quote} annotator keeps per-document state in a shared field, so two documents at
 * once corrupt each other's quotes unless the whole server runs on one thread. Here the thread-safe
 * annotators run on {@code threads} documents at once and only {@code quote} takes a lock. The
 * service listens on the given host only (the project binds it to 127.0.0.1) and prints
 * {@code SUMMIT_GRAPH_NLP_READY} once the models are loaded and the port accepts requests.
 */
public final class NlpServer {
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** A gazetteer entry with any of these is a regular expression, not literal text. */
  private static final Pattern REGEX = Pattern.compile("[\\\\?*+()|\\[\\]{}^$]");

  private final StanfordCoreNLP base;
  private final StanfordCoreNLP quotes;
  private final Object quoteLock = new Object();
  private final AtomicLong annotated = new AtomicLong();
  /** Documents annotated at once; requests beyond it wait here, so /status never queues behind them. */
  private final Semaphore slots;

  private NlpServer(Properties props, int threads) {
    slots = new Semaphore(threads, true);
    base = new StanfordCoreNLP(props);
    Properties quoteProps = new Properties();
    quoteProps.putAll(props);
    quoteProps.setProperty("annotators", props.getProperty("quote.annotators", "quote"));
    // The base pipeline's annotations are on the document already; only quote's own are checked.
    quotes = new StanfordCoreNLP(quoteProps, false);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: NlpServer <host> <port> <threads> <pipeline.properties>");
      System.exit(64);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    byte[] propsBytes = Files.readAllBytes(Path.of(args[3]));
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
      props.load(in);
    }
    String pipelineHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(propsBytes));
    literalFineGrainedGazetteers(props, Path.of("").toAbsolutePath());

    long t0 = System.nanoTime();
    NlpServer server = new NlpServer(props, threads);
    // The first document pays for lazily loaded resources (SUTime rules, quote attribution model).
    server.annotate("Warm-up. \"It works,\" said John Smith, a fellow at the Brookings Institution in Washington on Monday.", "2020-01-01");
    long loadMs = (System.nanoTime() - t0) / 1_000_000;

    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
    // Connections get threads as they come; the semaphore bounds the annotating ones.
    http.setExecutor(Executors.newCachedThreadPool());
    http.createContext(
        "/status",
        ex ->
            respond(
                ex,
                200,
                JSONOutputter.JSONWriter.objectToJSON(
                    w -> {
                      w.set("ready", true);
                      w.set("corenlp", "4.5.10");
                      w.set("threads", threads);
                      w.set("pipeline", pipelineHash);
                      w.set("loadMs", loadMs);
                      w.set("annotated", server.annotated.get());
                    })));
    http.createContext("/annotate", ex -> server.handleAnnotate(ex));
    http.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> http.stop(0), "nlp-shutdown"));
    System.out.println("SUMMIT_GRAPH_NLP_READY http://" + host + ":" + port + " loadMs=" + loadMs);
    System.out.flush();
  }

  /**
   * With {@code summitgraph.fineGrained.literalOnly=true}: fine-grained NER uses copies of CoreNLP's
   * two KBP gazetteers (written into {@code dir}) without their regular-expression entries. Those
   * (about 1,200 of 586,000: {@code Calif\.?}, {@code N\.?Y\.?C\.?-registered}) are tried at every
   * token and cost more CPU than the rest of the pipeline together, while literal entries are looked
   * up. Kept: the COUNTRY entries written with dots ({@code u\.s\.}, {@code u\.s\.a\.} and their
   * -born, -backed forms; 33 in all), as CoreNLP wrote them; and the dot-free literal variants of the
   * other simple patterns (escapes, optional characters: {@code u\.?s\.?a\.?} gives {@code usa}).
   * A variant with a dot is not written: CoreNLP reads every entry as a regular expression, so
   * {@code g.o.} would match "good".
   */
  private static void literalFineGrainedGazetteers(Properties props, Path dir) throws IOException {
    if (!Boolean.parseBoolean(props.getProperty("summitgraph.fineGrained.literalOnly", "false"))) return;
    Path caseless = dir.resolve("regexner_caseless.literal.tab");
    Path cased = dir.resolve("regexner_cased.literal.tab");
    writeLiteral(DefaultPaths.DEFAULT_KBP_REGEXNER_CASELESS, caseless);
    writeLiteral(DefaultPaths.DEFAULT_KBP_REGEXNER_CASED, cased);
    props.setProperty("ner.fine.regexner.mapping", "ignorecase=true,validpospattern=(NN|JJ|ADD).*," + caseless + ";" + cased);
  }

  private static void writeLiteral(String resource, Path out) throws IOException {
    try (BufferedReader in = IOUtils.readerFromString(resource);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] fields = line.split("\t", 3);
        if (fields.length < 2 || fields[0].isEmpty()) continue;
        String pattern = fields[0];
        if (!REGEX.matcher(pattern).find() || (fields[1].equals("COUNTRY") && pattern.contains("\\."))) {
          w.write(line);
          w.newLine();
          continue;
        }
        List<String> variants = literalVariants(pattern);
        if (variants == null) continue;
        for (String v : variants) {
          if (v.contains(".")) continue;
          w.write(v);
          w.write(line, pattern.length(), line.length() - pattern.length());
          w.newLine();
        }
      }
    }
  }

  /** The literal strings a simple pattern matches (escapes, optional single characters), or null. */
  static List<String> literalVariants(String pattern) {
    List<StringBuilder> outs = new ArrayList<>(List.of(new StringBuilder()));
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      String unit;
      if (c == '\\' && i + 1 < pattern.length()) {
        unit = String.valueOf(pattern.charAt(++i));
      } else if ("?*+()|[]{}^$".indexOf(c) >= 0) {
        return null;
      } else {
        unit = String.valueOf(c);
      }
      boolean optional = i + 1 < pattern.length() && pattern.charAt(i + 1) == '?';
      if (optional) {
        i++;
        List<StringBuilder> more = new ArrayList<>();
        for (StringBuilder b : outs) more.add(new StringBuilder(b).append(unit));
        outs.addAll(more);
        if (outs.size() > 16) return null;
      } else {
        for (StringBuilder b : outs) b.append(unit);
      }
    }
    List<String> result = new ArrayList<>();
    for (StringBuilder b : outs) {
      String v = b.toString().trim().replaceAll(" +", " ");
      if (!v.isEmpty() && !result.contains(v)) result.add(v);
    }
    return result;
  }

  private void handleAnnotate(HttpExchange ex) throws IOException {
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        respond(ex, 405, error("use POST with the text as the body"));
        return;
      }
      String date = queryParam(ex, "date");
      if (date != null && !DATE.matcher(date).matches()) {
        respond(ex, 400, error("date must be YYYY-MM-DD, got " + date));
        return;
      }
      byte[] body = readBody(ex.getRequestBody());
      if (body == null) {
        respond(ex, 413, error("the text is over " + MAX_BODY_BYTES + " bytes"));
        return;
      }
      String text = new String(body, StandardCharsets.UTF_8);
      slots.acquireUninterruptibly();
      String json;
      try {
        json = annotate(text, date);
      } finally {
        slots.release();
      }
      respond(ex, 200, json);
    } catch (RuntimeException | OutOfMemoryError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      System.err.println(trace);
      respond(ex, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private String annotate(String text, String date) {
    Annotation doc = new Annotation(text);
    if (date != null) doc.set(CoreAnnotations.DocDateAnnotation.class, date);
    base.annotate(doc);
    synchronized (quoteLock) {
      quotes.annotate(doc);
    }
    annotated.incrementAndGet();
    return toJson(doc);
  }

  // ------------------------------------------------------------------------------------------
  // JSON: CoreNLP's field names (see its JSONOutputter), the parts the client reads.

  private static String toJson(Annotation doc) {
    List<CoreLabel> docTokens = doc.get(CoreAnnotations.TokensAnnotation.class);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    List<CoreMap> quotes = doc.get(CoreAnnotations.QuotationsAnnotation.class);
    return JSONOutputter.JSONWriter.objectToJSON(
        w -> {
          w.set("sentences", sentences == null ? List.of() : sentences.stream().map(NlpServer::sentence).toList());
          w.set("quotes", quotes == null ? List.of() : quotes.stream().map(q -> quote(q, docTokens)).toList());
        });
  }

  private static Consumer<JSONOutputter.Writer> sentence(CoreMap s) {
    return w -> {
      w.set("index", s.get(CoreAnnotations.SentenceIndexAnnotation.class));
      w.set("characterOffsetBegin", s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
      w.set("characterOffsetEnd", s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
      List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
      w.set("tokens", tokens.stream().map(NlpServer::token).toList());
      SemanticGraph deps = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      w.set("enhancedPlusPlusDependencies", deps == null ? List.of() : dependencies(deps));
      List<CoreMap> mentions = s.get(CoreAnnotations.MentionsAnnotation.class);
      w.set("entitymentions", mentions == null ? List.of() : mentions.stream().map(NlpServer::mention).toList());
    };
  }

  private static Consumer<JSONOutputter.Writer> token(CoreLabel t) {
    return w -> {
      w.set("index", t.index());
      w.set("word", t.word());
      w.set("lemma", t.lemma());
      w.set("characterOffsetBegin", t.beginPosition());
      w.set("characterOffsetEnd", t.endPosition());
      w.set("pos", t.tag());
      w.set("ner", t.ner());
    };
  }

  /** ROOT edges first, then the graph's edges in order; token indexes are 1-based, 0 is ROOT. */
  private static List<Consumer<JSONOutputter.Writer>> dependencies(SemanticGraph graph) {
    List<Consumer<JSONOutputter.Writer>> out = new ArrayList<>();
    for (var root : graph.getRoots()) {
      out.add(w -> {
        w.set("dep", "ROOT");
        w.set("governor", 0);
        w.set("dependent", root.index());
      });
    }
    for (SemanticGraphEdge e : graph.edgeListSorted()) {
      out.add(w -> {
        w.set("dep", e.getRelation().toString());
        w.set("governor", e.getGovernor().index());
        w.set("dependent", e.getDependent().index());
      });
    }
    return out;
  }

  private static Consumer<JSONOutputter.Writer> mention(CoreMap m) {
    return w -> {
      w.set("text", m.get(CoreAnnotations.TextAnnotation.class));
      w.set("characterOffsetBegin", m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
      w.set("characterOffsetEnd", m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
      w.set("ner", m.get(CoreAnnotations.NamedEntityTagAnnotation.class));
      w.set("normalizedNER", m.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
    };
  }

  private static Consumer<JSONOutputter.Writer> quote(CoreMap q, List<CoreLabel> docTokens) {
    return w -> {
      w.set("id", q.get(CoreAnnotations.QuotationIndexAnnotation.class));
      w.set("text", q.get(CoreAnnotations.TextAnnotation.class));
      w.set("characterOffsetBegin", q.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
      w.set("characterOffsetEnd", q.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
      w.set("beginSentence", q.get(CoreAnnotations.SentenceBeginAnnotation.class));
      w.set("endSentence", q.get(CoreAnnotations.SentenceEndAnnotation.class));
      w.set("speaker", q.get(QuoteAttributionAnnotator.SpeakerAnnotation.class));
      w.set("speakerSieve", q.get(QuoteAttributionAnnotator.SpeakerSieveAnnotation.class));
      w.set("canonicalSpeaker", q.get(QuoteAttributionAnnotator.CanonicalMentionAnnotation.class));
      w.set("mention", q.get(QuoteAttributionAnnotator.MentionAnnotation.class));
      w.set("mentionType", q.get(QuoteAttributionAnnotator.MentionTypeAnnotation.class));
      w.set("mentionSieve", q.get(QuoteAttributionAnnotator.MentionSieveAnnotation.class));
      span(w, "mention", docTokens,
          q.get(QuoteAttributionAnnotator.MentionBeginAnnotation.class),
          q.get(QuoteAttributionAnnotator.MentionEndAnnotation.class));
      span(w, "canonicalSpeaker", docTokens,
          q.get(QuoteAttributionAnnotator.CanonicalMentionBeginAnnotation.class),
          q.get(QuoteAttributionAnnotator.CanonicalMentionEndAnnotation.class));
    };
  }

  /** Character offsets of the document tokens [begin, end] (inclusive token indexes, as quote attribution stores them). */
  private static void span(JSONOutputter.Writer w, String prefix, List<CoreLabel> docTokens, Integer begin, Integer end) {
    if (begin == null || end == null || begin < 0 || end >= docTokens.size() || end < begin) return;
    w.set(prefix + "CharacterOffsetBegin", docTokens.get(begin).beginPosition());
    w.set(prefix + "CharacterOffsetEnd", docTokens.get(end).endPosition());
  }

  // ------------------------------------------------------------------------------------------
  // HTTP helpers

  private static String error(String message) {
    return JSONOutputter.JSONWriter.objectToJSON(w -> w.set("error", message));
  }

  private static String queryParam(HttpExchange ex, String name) {
    String query = ex.getRequestURI().getRawQuery();
    if (query == null) return null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
    }
    return null;
  }

  /** The whole body, or null when it is over MAX_BODY_BYTES. */
  private static byte[] readBody(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      if (out.size() > MAX_BODY_BYTES) return null;
    }
    return out.toByteArray();
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
