package dev.summitgraph.nlp;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import java.util.Collections;
import java.util.HashMap;
import java.util.Properties;
import java.util.Set;

/**
 * Supplies an empty coreference map. CoreNLP's {@code quote} annotator declares coreference as a
 * requirement and reads {@code CorefChainAnnotation} even with {@code quote.attribution.useCoref=false};
 * running the real coref annotator would cost about 3.5x the CPU of the whole rest of the pipeline
 * for about one more correct attribution in 35 (measured in issue 21). Registered with
 * {@code customAnnotatorClass.nocoref=dev.summitgraph.nlp.NoCorefAnnotator}.
 */
public final class NoCorefAnnotator implements Annotator {
  public NoCorefAnnotator(String name, Properties props) {}

  @Override
  public void annotate(Annotation annotation) {
    annotation.set(CorefCoreAnnotations.CorefChainAnnotation.class, new HashMap<>());
  }

  @Override
  public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
    return Collections.singleton(CorefCoreAnnotations.CorefChainAnnotation.class);
  }

  @Override
  public Set<Class<? extends CoreAnnotation>> requires() {
    return Collections.emptySet();
  }
}
