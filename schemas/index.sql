-- foiamine index schema: the single source of truth for the on-disk format.
--
-- An index is one SQLite file (WAL mode) that stock tools can browse
-- (sqlite3, Datasette, DB Browser). Every table and column is documented
-- here; the binary embeds this file at build time and executes it on every
-- open, so every statement is idempotent (IF NOT EXISTS).
--
-- Conventions
--   * Page numbers are 1-based.
--   * Character offsets (char_start, char_end) count Unicode code points in
--     pages.text (the page's normalized text), end exclusive.
--   * Boxes are PDF points, origin top-left of the page, x to the right,
--     y downwards; NULL for plain-text inputs.
--   * Times are ISO-8601 UTC strings ("2026-11-23T18:12:23Z").
--   * A document is one distinct file content (SHA-256); the same content
--     found under several paths is one document with several `files` rows.
--   * Each document is written in one transaction: a crash leaves either the
--     whole document or none of it.
--
-- PRAGMA user_version carries the schema version; foiamine refuses to open
-- an index whose version is newer than it knows.
--   1  the first format
--   2  + document_relations, document_dates, page_bates (tables only: a
--      version-1 index opened for writing gains them, and its next run
--      re-extracts every document, which fills them; opened read-only it
--      reads as if they were empty)
--   3  + clause_parts (a table only, upgraded and read like version 2's:
--      a version-2 index opened for writing gains it and its next run
--      re-extracts; opened read-only it reads as empty, and each clause is
--      then the one part its clauses row describes)
--   4  + attachments (a table only, upgraded and read like version 3's: a
--      version-3 index opened for writing gains it empty; read-only it reads
--      as empty: no document is known to have been found inside another)
--   5  the `words` table (a row per word) is replaced by page_words (one
--      BLOB per page, ~8x smaller) and a `words` view over it. An older
--      index opened for writing is converted in the same transaction that
--      upgrades its schema (index/word_boxes.h MigrateWordsTable: boxes
--      rounded to 1/100 pt, the old table dropped; the file keeps its size
--      until `sqlite3 FILE VACUUM`); opened read-only, its `words` table is
--      read as it is.
--   6  + redactions, exemption_codes (tables only, upgraded and read like
--      version 4's: a version-5 or older index opened for writing gains them
--      empty, and its next run re-reads its PDFs (text stage text-4) and
--      re-extracts (exemptions-1), which fills them; read-only it reads as
--      empty: no page is known to carry a redaction)
PRAGMA user_version = 6;

-- One row per `foiamine run` (and later, per merge).
CREATE TABLE IF NOT EXISTS runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,                 -- NULL while running or if killed
  drops         TEXT NOT NULL,        -- the DROP arguments, as given, '\n'-separated
  arguments     TEXT NOT NULL,        -- the full command line, for the record
  foiamine_version TEXT NOT NULL,
  exit_code     INTEGER,              -- 0 ok, 2 partial, 3 interrupted (CONTRACTS.md)
  files_seen    INTEGER NOT NULL DEFAULT 0,  -- regular files found in the drops
  docs_new      INTEGER NOT NULL DEFAULT 0,  -- documents indexed for the first time
  docs_unchanged INTEGER NOT NULL DEFAULT 0, -- already indexed, nothing to do
  docs_failed   INTEGER NOT NULL DEFAULT 0,  -- inputs recorded in `failures`
  pages_indexed INTEGER NOT NULL DEFAULT 0,  -- pages written by this run
  wall_seconds  REAL                         -- elapsed time of the run
);

-- One row per distinct file content.
CREATE TABLE IF NOT EXISTS documents (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,  -- lowercase hex SHA-256 of the bytes
  file_type     TEXT NOT NULL,         -- pdf | png | jpeg | tiff | text | xml | html | email | mbox |
                                       -- csv | docx | xlsx: detected from the bytes
  size_bytes    INTEGER NOT NULL,
  page_count    INTEGER NOT NULL,
  title         TEXT,                  -- from the manifest, else inferred, else NULL
  number        TEXT,                  -- the document's own number, e.g. "PS 4020.1F"
  agency        TEXT,                  -- e.g. "DOC", "MPD", "Council"
  doc_kind      TEXT,                  -- statute | council_record | mayors_order | jail_policy |
                                       -- police_order | ordinance | agreement | correspondence |
                                       -- transcript | log | bill | other (a bill is
                                       -- authority law, but binds no one: no divergence)
  authority     TEXT,                  -- law | policy | practice
  issued        TEXT,                  -- ISO date
  effective     TEXT,                  -- ISO date
  review        TEXT,                  -- ISO date of a past review / reissue, if printed ("Revised:",
                                       -- "Reviewed"); a scheduled review ("REVIEW DATE" after the
                                       -- issue date) is not one: see document_dates.review_due
  source        TEXT,                  -- e.g. a FOIA request number (manifest)
  metadata_origin TEXT NOT NULL,       -- 'manifest' when a manifest row described it,
                                       -- 'inferred' when taken from the text (or unknown)
  inferred_fields TEXT,                -- comma-separated fields above that were inferred from
                                       -- the text, not given by a manifest ("title,number")
  pdf_title     TEXT,                  -- the PDF's own Info /Title, if any
  text_version  TEXT NOT NULL,         -- version of the text+normalize stages that wrote the pages
  first_run_id  INTEGER NOT NULL REFERENCES runs(id),
  indexed_at    TEXT NOT NULL,         -- when first indexed (re-processing keeps it: see events)
  jurisdiction  TEXT                   -- who made the law or runs the agency: "DC", "US" (federal),
                                       -- "US-CA", "US-IL/Cook County" ('/' = inside); from the
                                       -- manifest, else inferred (schemas/jurisdictions.yaml), else NULL.
                                       -- Migration: added without a user_version change; an older
                                       -- index gets it by ALTER TABLE on its next write-open
                                       -- (pipeline/index.cc), filled when that run re-extracts.
);

-- Every path under which a document's content was found. A path is stored
-- twice: as raw bytes (exact, even when the name is not valid UTF-8) and as
-- display text (invalid bytes shown as \xNN).
CREATE TABLE IF NOT EXISTS files (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  drop_root     TEXT NOT NULL,         -- the DROP argument the file was found under (absolute)
  path          TEXT NOT NULL,         -- display path, relative to drop_root
  path_bytes    BLOB NOT NULL,         -- exact path bytes, relative to drop_root
  in_manifest   INTEGER NOT NULL,      -- 1 if the drop's manifest listed this path
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (drop_root, path_bytes)
);
CREATE INDEX IF NOT EXISTS files_document ON files(document_id);

-- One row per page of a document.
CREATE TABLE IF NOT EXISTS pages (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no       INTEGER NOT NULL,      -- 1-based
  width_pt      REAL,                  -- page size in PDF points (NULL for text)
  height_pt     REAL,
  method        TEXT NOT NULL,         -- text: PDF text layer or plain text file;
                                       -- ocr: Tesseract; none: no text yet (awaiting OCR)
  needs_ocr     INTEGER NOT NULL,      -- 1 when the text layer is missing or unusable
  ocr_reason    TEXT,                  -- why OCR is (or was) needed, e.g. "no text layer"
  ocr_confidence REAL,                 -- mean word confidence 0-100 for OCR pages, else NULL
  text          TEXT NOT NULL,         -- normalized text (NFKC, straight quotes, '-' dashes,
                                       -- line-end hyphenation joined, spaces folded, '\n'
                                       -- between printed lines)
  UNIQUE (document_id, page_no)
);

-- The pages that need OCR (the scanned few), so that a re-run counts a
-- document's OCR pages and the pages still awaiting OCR without reading its
-- page rows (pipeline/reprocess.h).
CREATE INDEX IF NOT EXISTS pages_needing_ocr ON pages(document_id, needs_ocr, method) WHERE needs_ocr=1;

-- Words (text-layer or OCR) with their boxes and where they landed in the
-- normalized page text, one BLOB per page (schema version 5; before, one
-- `words` row per word made 80% of an index). A word split by normalization
-- (de-hyphenation) keeps its own box; the joined normalized word spans both
-- words' offsets. foiamine reads it only through index/word_boxes.h.
--
-- The BLOB's format (version 1), in the manner of SQLite's record format.
-- varint: unsigned LEB128 (7 bits a byte, least significant group first,
-- high bit set on every byte but the last; at most 10 bytes). svarint: a
-- signed value as varint of its zigzag (0,-1,1,-2.. -> 0,1,2,3..).
--   byte 0        format version: 1 (a reader refuses another)
--   varint        N, the number of words
--   N words, in reading order (the old words.seq is the position, from 0):
--     varint      (zigzag(char_start - the previous word's char_end) << 4) | flags
--                 (0 before the first word); flags: 1 has a box, 2 has a
--                 confidence, 4 text stored, 8 same line (needs 1: y0 and
--                 y1 - y0 are the previous box's, and not stored)
--     svarint     char_end - char_start
--     if flags&4: varint byte length, then the word's UTF-8 bytes. Without
--                 it the word's text is its span of pages.text (code points
--                 [char_start, char_end)), which it equals for most words
--     if flags&1: the box in 1/100 PDF point, against the previous word
--                 that had a box (zeros before the first):
--                 svarint x0 - previous x1;
--                 unless flags&8: svarint y0 - previous y0, then
--                                 svarint (y1 - y0) - previous (y1 - y0);
--                 svarint x1 - x0
--     if flags&2: svarint OCR confidence in 1/100 (0-100 as 0-10000)
--   nothing after the last word.
-- Boxes and confidences are rounded to 1/100 before clauses are found from
-- them, so the stored boxes are the ones the clause boxes were made from.
CREATE TABLE IF NOT EXISTS page_words (
  page_id       INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  words         BLOB NOT NULL          -- the format above
);

-- The words as rows, for sqlite3 and Datasette users: the old `words`
-- table's columns, decoded by foiamine_words(blob, page_text) (a JSON array
-- of [text, x0, y0, x1, y1, char_start, char_end, confidence] per word),
-- which foiamine registers on every connection it opens. In a plain
-- sqlite3 shell (or Datasette) the view answers "no such function:
-- foiamine_words"; page_words (the BLOBs), pages and every other table read
-- as usual there, and `foiamine pages --db FILE --json --words` prints each
-- page's words as JSON: [text, x0, y0, x1, y1, char_start, char_end, confidence].
--   SELECT * FROM words WHERE page_id = 7;          -- in foiamine's connections
CREATE VIEW IF NOT EXISTS words AS
  SELECT w.page_id AS page_id, CAST(j.key AS INTEGER) AS seq,
         json_extract(j.value, '$[0]') AS text,
         json_extract(j.value, '$[1]') AS x0, json_extract(j.value, '$[2]') AS y0,
         json_extract(j.value, '$[3]') AS x1, json_extract(j.value, '$[4]') AS y1,
         json_extract(j.value, '$[5]') AS char_start, json_extract(j.value, '$[6]') AS char_end,
         json_extract(j.value, '$[7]') AS confidence
  FROM page_words w JOIN pages p ON p.id = w.page_id, json_each(foiamine_words(w.words, p.text)) j;

-- Full-text index over page text (external content: pages.text).
CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(
  text, content='pages', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS pages_fts_insert AFTER INSERT ON pages BEGIN
  INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS pages_fts_delete AFTER DELETE ON pages BEGIN
  INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS pages_fts_update AFTER UPDATE OF text ON pages BEGIN
  INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Which version of each stage produced a document's rows; a re-run redoes a
-- stage only when its version (or the file) changed: text or normalize ->
-- the document is read again from its file; ocr (of a document with pages
-- needing OCR) -> those pages are OCR'd again; extract (the rulebook's hash)
-- -> extraction is redone from the stored page text. `run --force STAGE`
-- redoes one stage regardless. A re-processed document is rewritten in one
-- transaction and keeps its id, files rows, page ids and first_run_id.
CREATE TABLE IF NOT EXISTS stage_versions (
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  stage         TEXT NOT NULL,         -- text | ocr | normalize | extract (ocr: only for documents
                                       -- with pages sent to OCR, read or not; its version is
                                       -- ocr_cache.engine, plus the render resolution for PDFs:
                                       -- "tesseract-5.3.0/eng/lstm-psm3/osd/deskew/ocr-1/300dpi")
  version       TEXT NOT NULL,         -- e.g. "poppler-22.12.0/text-1", rulebook hash
  PRIMARY KEY (document_id, stage)
) WITHOUT ROWID;

-- Inputs that could not be indexed, as of the latest run that saw them. A
-- row is removed when the same path is later indexed successfully.
CREATE TABLE IF NOT EXISTS failures (
  drop_root     TEXT NOT NULL,
  path          TEXT NOT NULL,         -- display path, relative to drop_root
  path_bytes    BLOB NOT NULL,
  sha256        TEXT,                  -- NULL when the file could not even be read
  stage         TEXT NOT NULL,         -- ingest | text | ocr | normalize | extract | index
  reason        TEXT NOT NULL,         -- a sentence a person can act on
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  at            TEXT NOT NULL,
  PRIMARY KEY (drop_root, path_bytes)
);

-- Every error and warning of every run (history; `failures` is the state).
CREATE TABLE IF NOT EXISTS events (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  level         TEXT NOT NULL,         -- error | warning | info (info: a document re-processed, and why)
  path          TEXT,                  -- display path, if about a file
  message       TEXT NOT NULL,
  at            TEXT NOT NULL
);

-- Section structure found by the extractors (filled by the extract stage).
CREATE TABLE IF NOT EXISTS sections (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path          TEXT NOT NULL,         -- e.g. "9.a.(b)" or "24-211.07(b)(1)"
  marker        TEXT,                  -- this level's own marker as printed, e.g. "(b)"
  heading       TEXT,                  -- e.g. "PROCEDURES"
  depth         INTEGER NOT NULL,      -- 0 = outermost
  page_no       INTEGER NOT NULL,      -- page where the section starts
  char_start    INTEGER NOT NULL,      -- where its number starts on that page
  end_page      INTEGER NOT NULL,      -- page where its content ends
  end_char      INTEGER NOT NULL       -- exclusive end offset on end_page
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);

-- References a document makes to other documents on its face (its first
-- two pages): "Related To: GO-OPS-201.26", "SUPERSEDES: PS 4020.1E (June 4,
-- 2018)", "a. Rescinded: ...", "See also ...". A number on such a line is
-- never the document's own (documents.number); it is recorded here.
CREATE TABLE IF NOT EXISTS document_relations (
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,      -- order on the document's face, from 0
  kind          TEXT NOT NULL,         -- related_to | replaces | supersedes | rescinds | amends |
                                       -- modifies | see | references
  target_number TEXT,                  -- the referenced number as printed ("GO-OPS-201.26"); NULL
                                       -- when the line names no number foiamine recognizes
  text          TEXT NOT NULL,         -- the rest of the line as printed
  page_no       INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_relations_target ON document_relations(target_number);

-- Documents found inside another document (schema version 4): an e-mail's
-- attachments (each indexed as a document of its own, OCR included) and the
-- messages of a mailbox (.mbox). The link is by the container's content
-- (its SHA-256), so it survives `merge` and holds even when the container
-- itself failed to index. Each child's files row names it as
-- "CONTAINER_PATH/attachment N - NAME" (or "/message N.eml"), under the
-- container's drop_root; `verify` re-reads it from the container.
-- An attachment's documents.number is "attachment N to the e-mail of DATE"
-- (unless a manifest gives one), so its clauses are cited that way.
CREATE TABLE IF NOT EXISTS attachments (
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,  -- the attachment
  parent_sha256 TEXT NOT NULL,         -- the e-mail or mailbox it was found in (documents.sha256)
  seq           INTEGER NOT NULL,      -- its number there, from 1, in the order the parts occur
  name          TEXT,                  -- its file name as the e-mail gives it (NULL for a mailbox's message)
  kind          TEXT NOT NULL,         -- attachment (of an e-mail) | message (of a mailbox)
  PRIMARY KEY (document_id, parent_sha256, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attachments_parent ON attachments(parent_sha256);

-- Dates printed on a document's face, with their kind and the words they
-- were read from, so a report can say what a date is and where it came
-- from. Filled by the extract stage from the text, whatever the manifest
-- says (documents.issued etc. hold the values in force: manifest first).
CREATE TABLE IF NOT EXISTS document_dates (
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,         -- issued | effective | reviewed (a past review or reissue) |
                                       -- review_due (a scheduled review: a plan, not a reissue)
  date          TEXT NOT NULL,         -- ISO date
  words         TEXT NOT NULL,         -- as printed, e.g. "REVIEW DATE: September 15, 2023"
  PRIMARY KEY (document_id, kind)
) WITHOUT ROWID;

-- Bates (production) numbers: the prefix-number stamp printed in a page's
-- margin by the producing agency ("DOC-FOIA-00317-00001"). Citations name
-- the page by it first; `status` shows each prefix's range.
CREATE TABLE IF NOT EXISTS page_bates (
  page_id       INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  bates         TEXT NOT NULL,         -- the stamp as printed (as OCR read it on scans)
  prefix        TEXT NOT NULL,         -- the part before the page counter, "DOC-FOIA-00317-"
  sequence      INTEGER NOT NULL,      -- the page counter, 1
  char_start    INTEGER NOT NULL,      -- span of the stamp in pages.text
  char_end      INTEGER NOT NULL,
  PRIMARY KEY (page_id)               -- one stamp per page (a WITHOUT ROWID key, so merge copies it)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS page_bates_number ON page_bates(bates);
CREATE INDEX IF NOT EXISTS page_bates_range ON page_bates(prefix, sequence);

-- Redaction boxes (schema version 5): what a FOIA production blacked out,
-- page by page (`foiamine redactions`). Written with the page by the text
-- stage (PDFs: filled, opaque, near-black rectangles among the page's
-- drawing operations, larger than 4 x 4 points, unless visible words other
-- than a label are drawn on them -- a table's dark header row is no
-- redaction) and by OCR (scans: solid, rectangular, uniformly dark regions
-- of the page image, not text, photos or the scanner's black border).
-- A page's redacted share is the union of its boxes over the page's area.
--
-- Bad redactions: a box on a born-digital page under which the text layer
-- still holds words (x-ray's method: a word counts when at least 80% of its
-- box lies inside the rectangle, it has a letter or digit, it is not drawn
-- visibly on top of the box, and the words together are more than a
-- placeholder such as "XXXX", "REDACTED" or an exemption code). How that
-- text is indexed: it stays in pages.text, words and the full-text index,
-- because it IS in the released file -- anyone can copy it out, and a
-- lawyer must be able to find what the agency failed to withhold -- but
-- never silently: every such span is recorded here (leaked_text and its
-- span in pages.text), so `redactions` reports it as recovered text and a
-- reader of pages.text can mark it.
CREATE TABLE IF NOT EXISTS redactions (
  page_id       INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,      -- order on the page (drawing order for PDFs), from 0
  x0 REAL NOT NULL, y0 REAL NOT NULL,  -- the box in PDF points, top-left origin
  x1 REAL NOT NULL, y1 REAL NOT NULL,
  source        TEXT NOT NULL,         -- vector (drawn in the PDF) | image (found on a scan)
  label         TEXT,                  -- text drawn visibly on the box, e.g. "(b)(6)"; NULL if none
  leaked_text   TEXT,                  -- bad redaction: the text-layer words under the box, in
                                       -- reading order, space-joined; NULL when it hides nothing
  leak_start    INTEGER,               -- span of those words in pages.text (first word's start,
  leak_end      INTEGER,               -- last word's end); NULL with leaked_text
  PRIMARY KEY (page_id, seq)
) WITHOUT ROWID;

-- FOIA exemption codes printed on pages (schema version 5), read by the
-- extract stage with schemas/exemptions.yaml: federal 5 U.S.C. § 552(b)(1)-(9)
-- with subparts, D.C. Code § 2-534(a)(1)-(6), and any scheme added there.
-- `redactions` links each box to the nearest code on its page.
CREATE TABLE IF NOT EXISTS exemption_codes (
  page_id       INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,      -- order in the page's text, from 0
  code          TEXT NOT NULL,         -- canonical: "(b)(6)", "(b)(7)(C)", "§ 2-534(a)(2)"
  law           TEXT NOT NULL,         -- the scheme's statute: "5 U.S.C. § 552(b)"
  raw           TEXT NOT NULL,         -- as printed or as OCR read it: "b7c", "(b) (6)"
  char_start    INTEGER NOT NULL,      -- span in pages.text
  char_end      INTEGER NOT NULL,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,  -- union box of its words; NULL for plain text
  PRIMARY KEY (page_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS exemption_codes_code ON exemption_codes(code);

-- Clauses found by the rulebook (filled by the extract stage). `id` is a
-- stable identifier (derived from the document hash, page, offset, topic).
CREATE TABLE IF NOT EXISTS clauses (
  id            TEXT PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no       INTEGER NOT NULL,
  section       TEXT,                  -- section path, NULL when outside any section
  topic         TEXT NOT NULL,         -- a topic of schemas/rulebook.yaml
  stance        TEXT NOT NULL,         -- restricts | requires | permits | reports | mentions
  actor         TEXT,                  -- DOC | MPD | District | ...
  text          TEXT NOT NULL,         -- the sentence, normalized
  char_start    INTEGER NOT NULL,      -- span in pages.text of page_no
  char_end      INTEGER NOT NULL,
  crosses_page_break INTEGER NOT NULL DEFAULT 0, -- 1 when the sentence is printed across a page break:
                                       -- page_no is then the page of its decisive words, char_start /
                                       -- char_end its part there, `text` the whole sentence, and
                                       -- clause_parts every page's part
  cue_start     INTEGER,               -- span of the stance cue ("shall not"), for highlighting;
  cue_end       INTEGER,               -- equal when the stance came from a list lead-in
  topic_cue_start INTEGER,             -- span of the rule's anchor term ("notify")
  topic_cue_end INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,  -- union box of the clause's words on the page
  rule          TEXT NOT NULL,         -- rule id in the rulebook
  confidence    REAL NOT NULL,         -- 0..1
  citation      TEXT NOT NULL          -- e.g. "DOC PS 4020.1F § 9.a.(b), p. 4"
);
CREATE INDEX IF NOT EXISTS clauses_document ON clauses(document_id);

-- The parts of a clause, one per page it is printed on, for the clauses
-- that cross a page break or lie on a transcript page with numbered lines
-- (other clauses have no rows: their one part is the clauses row itself).
-- Part 0 repeats the clauses row's page and span; parts 1.. are the
-- continuation on the following pages, so an exhibit can box the words of
-- the whole sentence. `text` of the clause always holds the whole sentence.
CREATE TABLE IF NOT EXISTS clause_parts (
  clause_id     TEXT NOT NULL,         -- clauses.id
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part          INTEGER NOT NULL,      -- 0 = on clauses.page_no, then one per following page
  page_no       INTEGER NOT NULL,
  char_start    INTEGER NOT NULL,      -- span of the part in pages.text of page_no
  char_end      INTEGER NOT NULL,
  first_line    INTEGER,               -- transcripts: printed margin number of the part's first
  last_line     INTEGER,               -- and last line (pin cite "Tr. 2:6-7"); NULL elsewhere
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,  -- union box of the part's words on page_no
  PRIMARY KEY (clause_id, part)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS clause_parts_document ON clause_parts(document_id);
CREATE INDEX IF NOT EXISTS clauses_topic ON clauses(topic, stance);

-- Full-text index over clause text (external content: clauses.text).
CREATE VIRTUAL TABLE IF NOT EXISTS clauses_fts USING fts5(
  text, content='clauses', content_rowid='rowid',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS clauses_fts_insert AFTER INSERT ON clauses BEGIN
  INSERT INTO clauses_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS clauses_fts_delete AFTER DELETE ON clauses BEGIN
  INSERT INTO clauses_fts(clauses_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
-- A clause's text changed in place keeps its FTS row in step. (Rows are
-- written with INSERT OR REPLACE: the row a REPLACE removes goes through
-- clauses_fts_delete because writers turn on recursive_triggers, see
-- index/schema.cc; without it SQLite fires no delete trigger there and a
-- stale FTS row stayed behind.)
CREATE TRIGGER IF NOT EXISTS clauses_fts_update AFTER UPDATE OF text ON clauses BEGIN
  INSERT INTO clauses_fts(clauses_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO clauses_fts(rowid, text) VALUES (new.rowid, new.text);
END;

-- Legal citations found in text (D.C. Code, C.F.R., U.S.C., forms, orders).
CREATE TABLE IF NOT EXISTS citations (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no       INTEGER NOT NULL,
  kind          TEXT NOT NULL,         -- dc_code | dc_law | dc_act | dcr | mayors_order | cfr | usc |
                                       -- ina_287g | form | order_number
  normalized    TEXT NOT NULL,         -- e.g. "D.C. Code § 24-211.07(b)"
  raw           TEXT NOT NULL,         -- as printed (or as OCR read it)
  char_start    INTEGER NOT NULL,
  char_end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_normalized ON citations(normalized);

-- OCR results by page image, so that no page is ever OCR'd twice: a page
-- image (rendered PDF page or decoded image frame, 8-bit gray) read under
-- the same OCR settings has the same key. Rows are written in the
-- transaction of the document that first needed them, and kept when that
-- document is gone (another may carry the same page).
CREATE TABLE IF NOT EXISTS ocr_cache (
  key           TEXT PRIMARY KEY,      -- SHA-256 hex of image_sha256 + '|' + engine
  image_sha256  TEXT NOT NULL,         -- SHA-256 of the page image: width, height, dpi and pixels
  engine        TEXT NOT NULL,         -- OCR stage version: Tesseract version, languages, settings,
                                       -- e.g. "tesseract-5.3.0/eng+spa/lstm-psm3/osd/deskew/ocr-1"
  mean_confidence REAL,                -- as pages.ocr_confidence; NULL when no words were read
  result        TEXT NOT NULL,         -- JSON: {"width_pt", "height_pt", "rotation" (degrees turned
                                       -- clockwise before reading), "skew" (degrees), "words":
                                       -- [[text, x0, y0, x1, y1, confidence, break], ...]} with boxes
                                       -- in PDF points, top-left origin; break 0 space, 1 line, 2 paragraph
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
