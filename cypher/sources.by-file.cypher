// The sources loaded before from each of $files (absolute paths), to notice a file whose source id
// changed (its old facts would otherwise stay in the graph unnoticed).
UNWIND $files AS file
MATCH (s:Source {file: file})
RETURN file, collect(s.id) AS ids
