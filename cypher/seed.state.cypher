// The checksum of the seed files last loaded on start ($id: which seed, "seed/"), or null when none
// was (src/seed/startup.ts).
OPTIONAL MATCH (s:SeedState {id: $id})
RETURN s.checksum AS checksum
