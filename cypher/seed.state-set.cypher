// Records that the seed files with checksum $checksum were loaded on start ($id: which seed, "seed/";
// src/seed/startup.ts). Written after the load succeeded, so a failed load is retried next start.
MERGE (s:SeedState {id: $id})
SET s.checksum = $checksum, s.loadedAt = datetime()
RETURN s.checksum AS checksum
