// Constraints and indexes of the summit graph. Run statement by statement at startup and before
// every load; each is IF NOT EXISTS, so running it again changes nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT summit_id IF NOT EXISTS FOR (n:Summit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT talks_id IF NOT EXISTS FOR (n:Talks) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_iso IF NOT EXISTS FOR (n:Country) REQUIRE n.isoCode IS UNIQUE;
CREATE INDEX summit_date IF NOT EXISTS FOR (n:Summit) ON (n.date);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE INDEX article_url_key IF NOT EXISTS FOR (n:Article) ON (n.urlKey);
CREATE INDEX article_title_key IF NOT EXISTS FOR (n:Article) ON (n.titleKey);
CREATE INDEX source_file IF NOT EXISTS FOR (n:Source) ON (n.file);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX quote_text IF NOT EXISTS FOR (n:Quote) ON EACH [n.text];
CREATE FULLTEXT INDEX article_titles IF NOT EXISTS FOR (n:Article) ON EACH [n.title];
