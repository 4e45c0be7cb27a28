import { fileURLToPath } from 'node:url';
import { addCities, addCountries, addHistoricalCountries, addReferenceSeeds, addRegions, Gazetteer } from './gazetteer.js';

/** The reference seed data: every seed file without an article (seed/reference.yaml, seed/gazetteer/). */
export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

/**
 * The gazetteer the extractor uses: curated reference seeds first (they win name clashes), then
 * countries, regions and cities from the data packages and the vocabulary.
 */
export async function buildGazetteer(seedPaths: string[] = [SEED_DIR]): Promise<Gazetteer> {
  const g = new Gazetteer();
  await addReferenceSeeds(g, seedPaths);
  addCountries(g);
  addHistoricalCountries(g);
  addRegions(g);
  addCities(g);
  return g;
}
