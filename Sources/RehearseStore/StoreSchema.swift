import GRDB

/// The store's tables and their migrations (GRDB's `DatabaseMigrator`, one registered migration per
/// schema version). Each migration also sets `PRAGMA user_version` to its number, so a build can
/// tell a newer store from a damaged one and refuse it by number.
///
/// Layout (v1):
///
/// ```
/// session ─┬─< asked_question ─┬─< answer_line        one row per Enter, committed at once
///          │      │ parent_id ─┘├── draft              the line being typed (upserted, then cleared)
///          │      └ follow-ups  └── self_review ─< review_rating
/// ```
///
/// v2 adds daily practice: `review_log` (one graded attempt per row, the FSRS memory before and
/// after; the schedule is rebuilt from it) and `followed_company` (the banks being prepared for).
///
/// v3 marks each finished main answer once it is in the review log (`asked_question.logged`,
/// with a partial index of those still waiting), so finding the attempts to grade reads only
/// those instead of every answer ever kept; and each review says whether the question was
/// answered (`review_log.answered`, indexed by day), so a streak is one index probe per day.
///
/// v4 adds full-text search (`search_index`, FTS5 with the trigram tokenizer, so Japanese needs
/// no word splitting) over finished answers and the self-review's reflections, both NFKC
/// (`asked_question.answer_text_nfkc`, `self_review.search_text`), kept in step by triggers. An
/// answer's row is its asked question's id × 2, its reflections' × 2 + 1, so a change or a delete
/// touches its rows by rowid. It also indexes scored main answers by date, for `stats`.
///
/// v5 keeps what surrounds a real interview: the preflight checklists (`preflight`, each item's
/// answer as JSON), the readiness self-checks (`readiness_check`), how the interviewer reacted
/// to each answer of a debrief (`asked_question.reaction`) and how interviews ended
/// (`interview_outcome`, one per debriefed session, gone with it).
///
/// Dates are GRDB's text form (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), which sorts as it reads.
enum StoreSchema {
  /// `PRAGMA application_id` of every Rehearse store: "RHRS". It tells our files from other
  /// programs' SQLite databases without guessing from table names.
  static let applicationID: Int32 = 0x5248_5253

  /// The newest schema this build writes (the number of the last migration).
  static let version = 5

  /// Tables every store of `version` has; a store claiming to be ours without them is damaged.
  static let tables: Set<String> = [
    "session", "asked_question", "answer_line", "draft", "self_review", "review_rating", "review_log",
    "card_state", "followed_company", "search_index", "preflight", "readiness_check", "interview_outcome",
  ]

  static var migrator: DatabaseMigrator { migrator(upTo: version) }

  /// The migrations up to `last` (a store as an older build left it, for the migration tests).
  static func migrator(upTo last: Int) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: v1)
    if last >= 2 { migrator.registerMigration("v2", migrate: v2) }
    if last >= 3 { migrator.registerMigration("v3", migrate: v3) }
    if last >= 4 { migrator.registerMigration("v4", migrate: v4) }
    if last >= 5 { migrator.registerMigration("v5", migrate: v5) }
    return migrator
  }

  private static func v5(_ db: Database) throws {
    try db.execute(
      sql: """
        PRAGMA user_version = 5;

        CREATE TABLE preflight (
          id INTEGER PRIMARY KEY,
          company_id TEXT NOT NULL,
          stage TEXT,
          mode TEXT NOT NULL,
          interview_at TEXT,
          checked_at TEXT NOT NULL,
          ready INTEGER NOT NULL,
          -- [{"item": id, "ready": true | false}, …] in the order asked
          answers TEXT NOT NULL
        );
        CREATE INDEX preflight_by_company ON preflight(company_id, checked_at);

        CREATE TABLE readiness_check (
          id INTEGER PRIMARY KEY,
          taken_at TEXT NOT NULL,
          score INTEGER NOT NULL,
          -- {"question id": 1…5, …}
          answers TEXT NOT NULL
        );

        -- How the interviewer reacted to an answer (a debrief of a real interview).
        ALTER TABLE asked_question ADD COLUMN reaction TEXT;

        CREATE TABLE interview_outcome (
          session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
          outcome TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        );
        """)
  }

  private static func v4(_ db: Database) throws {
    try db.execute(
      sql: """
        PRAGMA user_version = 4;

        CREATE VIRTUAL TABLE search_index USING fts5(
          body, asked_question_id UNINDEXED, field UNINDEXED, tokenize = 'trigram');

        -- The three reflections, NFKC, one text: what search reads (written with the review).
        ALTER TABLE self_review ADD COLUMN search_text TEXT;

        CREATE TRIGGER search_answer AFTER UPDATE OF answer_text_nfkc ON asked_question BEGIN
          DELETE FROM search_index WHERE rowid = new.id * 2;
          INSERT INTO search_index (rowid, body, asked_question_id, field)
            SELECT new.id * 2, new.answer_text_nfkc, new.id, 'answer' WHERE ifnull(new.answer_text_nfkc, '') != '';
        END;
        CREATE TRIGGER search_answer_gone AFTER DELETE ON asked_question BEGIN
          DELETE FROM search_index WHERE rowid IN (old.id * 2, old.id * 2 + 1);
        END;
        CREATE TRIGGER search_reflection AFTER INSERT ON self_review BEGIN
          INSERT INTO search_index (rowid, body, asked_question_id, field)
            SELECT new.asked_question_id * 2 + 1, new.search_text, new.asked_question_id, 'reflection'
            WHERE ifnull(new.search_text, '') != '';
        END;
        CREATE TRIGGER search_reflection_changed AFTER UPDATE OF search_text ON self_review BEGIN
          DELETE FROM search_index WHERE rowid = new.asked_question_id * 2 + 1;
          INSERT INTO search_index (rowid, body, asked_question_id, field)
            SELECT new.asked_question_id * 2 + 1, new.search_text, new.asked_question_id, 'reflection'
            WHERE ifnull(new.search_text, '') != '';
        END;
        CREATE TRIGGER search_reflection_gone AFTER DELETE ON self_review BEGIN
          DELETE FROM search_index WHERE rowid = old.asked_question_id * 2 + 1;
        END;

        INSERT INTO search_index (rowid, body, asked_question_id, field)
          SELECT id * 2, answer_text_nfkc, id, 'answer' FROM asked_question WHERE ifnull(answer_text_nfkc, '') != '';

        -- Scored main answers by when they were given: progress over the last weeks (stats).
        CREATE INDEX asked_question_scored ON asked_question(answered_at)
          WHERE parent_id IS NULL AND total_score IS NOT NULL;
        """)
    // Reflections written before v4: their search text is made here (NFKC needs Swift).
    let rows = try Row.fetchAll(db, sql: "SELECT asked_question_id, what_went_wrong, why, next_time FROM self_review")
    for row in rows {
      let text = SearchText.reflections([row["what_went_wrong"], row["why"], row["next_time"]])
      try db.execute(
        sql: "UPDATE self_review SET search_text = ? WHERE asked_question_id = ?",
        arguments: [text, row["asked_question_id"] as Int64])
    }
  }

  private static func v3(_ db: Database) throws {
    try db.execute(
      sql: """
        PRAGMA user_version = 3;

        -- 1 once the answer is graded into review_log. The partial index holds only finished main
        -- answers of bank questions still waiting, so a plan finds them without reading them all.
        ALTER TABLE asked_question ADD COLUMN logged INTEGER NOT NULL DEFAULT 0 CHECK (logged IN (0, 1));
        UPDATE asked_question SET logged = 1
          WHERE id IN (SELECT asked_question_id FROM review_log WHERE asked_question_id IS NOT NULL);
        CREATE INDEX asked_question_unlogged ON asked_question(answered_at, id)
          WHERE logged = 0 AND parent_id IS NULL AND bank_question_id IS NOT NULL AND answered_at IS NOT NULL;

        -- 1 when the attempt was answered (not skipped, abandoned or left empty): the days that
        -- count towards a streak and the answers that count towards the daily goal.
        ALTER TABLE review_log ADD COLUMN answered INTEGER NOT NULL DEFAULT 1 CHECK (answered IN (0, 1));
        UPDATE review_log SET answered = ifnull(
          (SELECT q.status IN ('answered', 'timed_out') FROM asked_question q WHERE q.id = review_log.asked_question_id), 1);
        CREATE INDEX review_log_answered_by_day ON review_log(day) WHERE answered = 1;
        """)
  }

  private static func v2(_ db: Database) throws {
    try db.execute(
      sql: """
        PRAGMA user_version = 2;

        -- One graded attempt at a question (a card: bank id + question id) for daily practice:
        -- the grade, the FSRS memory before (null for the first) and after, and the practice day
        -- it is due again. asked_question_id is null for entries derived when migrating.
        CREATE TABLE review_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          company_id TEXT NOT NULL,
          bank_question_id TEXT NOT NULL,
          asked_question_id INTEGER REFERENCES asked_question(id) ON DELETE SET NULL,
          reviewed_at TEXT NOT NULL,
          grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
          stability_before REAL,
          difficulty_before REAL,
          stability_after REAL NOT NULL CHECK (stability_after > 0),
          difficulty_after REAL NOT NULL CHECK (difficulty_after BETWEEN 1 AND 10),
          -- The practice day of the review (local, from the rollover hour) and the one it is due.
          day INTEGER NOT NULL,
          due_day INTEGER NOT NULL,
          CHECK ((stability_before IS NULL) = (difficulty_before IS NULL))
        );
        CREATE INDEX review_log_by_card ON review_log(company_id, bank_question_id, reviewed_at);
        CREATE INDEX review_log_by_time ON review_log(reviewed_at);
        CREATE INDEX review_log_by_day ON review_log(day);

        -- Each card's state after its last review, kept beside the log so a plan reads one row
        -- per card instead of replaying the log (which can rebuild it).
        CREATE TABLE card_state (
          company_id TEXT NOT NULL,
          bank_question_id TEXT NOT NULL,
          stability REAL NOT NULL CHECK (stability > 0),
          difficulty REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
          last_day INTEGER NOT NULL,
          due_day INTEGER NOT NULL,
          reviews INTEGER NOT NULL CHECK (reviews >= 1),
          last_grade INTEGER NOT NULL CHECK (last_grade BETWEEN 1 AND 4),
          PRIMARY KEY (company_id, bank_question_id)
        ) WITHOUT ROWID;

        -- The companies being prepared for; daily practice draws from them.
        CREATE TABLE followed_company (
          company_id TEXT PRIMARY KEY,
          followed_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """)
  }

  private static func v1(_ db: Database) throws {
    try db.execute(
      sql: """
        PRAGMA application_id = \(applicationID);
        PRAGMA user_version = 1;

        -- One drill (later: daily practice, mock interviews, debriefs). AUTOINCREMENT so an id
        -- shown in `history` never comes back for another session.
        CREATE TABLE session (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          company_id TEXT NOT NULL,
          company_name TEXT NOT NULL,
          mode TEXT NOT NULL,
          language TEXT NOT NULL,
          settings TEXT NOT NULL CHECK (json_valid(settings) AND json_type(settings) = 'object'),
          seed INTEGER,
          started_at TEXT NOT NULL,
          ended_at TEXT,
          end_reason TEXT CHECK (end_reason IN ('finished', 'quit', 'interrupted')),
          -- The process running the session; a second terminal does not offer to resume a
          -- session whose owner is alive.
          owner_pid INTEGER,
          CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        );
        CREATE INDEX session_by_start ON session(started_at, id);
        CREATE INDEX session_by_company ON session(company_id, started_at);
        CREATE INDEX session_unfinished ON session(id) WHERE ended_at IS NULL;

        -- A question as it was asked (copied from the bank, which may change later), with the
        -- outcome of its answer once finished (answered_at set). A follow-up has the main
        -- question as parent_id and the category the answer lacked.
        CREATE TABLE asked_question (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
          -- Copied from the session so per-question lookups ("every attempt of question Q of
          -- company C", "weakest questions of C in 90 days") read one covering index.
          company_id TEXT NOT NULL,
          position INTEGER NOT NULL CHECK (position >= 1),
          parent_id INTEGER REFERENCES asked_question(id) ON DELETE CASCADE,
          follow_up_category TEXT,
          bank_question_id TEXT,
          stage TEXT,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          answer_seconds INTEGER NOT NULL CHECK (answer_seconds > 0),
          think_seconds INTEGER NOT NULL DEFAULT 0 CHECK (think_seconds >= 0),
          asked_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'unanswered'
            CHECK (status IN ('answered', 'skipped', 'abandoned', 'timed_out', 'unanswered')),
          answer_text TEXT,
          answer_text_nfkc TEXT,
          seconds_used REAL,
          timed_out INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
          overtime_seconds REAL NOT NULL DEFAULT 0 CHECK (overtime_seconds >= 0),
          hint_used INTEGER NOT NULL DEFAULT 0 CHECK (hint_used IN (0, 1)),
          score_json TEXT CHECK (score_json IS NULL OR (json_valid(score_json) AND json_type(score_json) = 'object')),
          total_score INTEGER CHECK (total_score BETWEEN 0 AND 100),
          answered_at TEXT,
          CHECK ((parent_id IS NULL) = (follow_up_category IS NULL)),
          CHECK (parent_id IS NOT NULL OR bank_question_id IS NOT NULL)
        );
        CREATE UNIQUE INDEX asked_question_by_position ON asked_question(session_id, ifnull(parent_id, 0), position);
        CREATE INDEX asked_question_by_parent ON asked_question(parent_id) WHERE parent_id IS NOT NULL;
        CREATE INDEX asked_question_by_bank_question
          ON asked_question(company_id, bank_question_id, asked_at, total_score, status);

        -- Each line of an answer, committed when Enter is pressed. text_nfkc is the NFKC form
        -- for search (full-width and half-width text alike).
        CREATE TABLE answer_line (
          id INTEGER PRIMARY KEY,
          asked_question_id INTEGER NOT NULL REFERENCES asked_question(id) ON DELETE CASCADE,
          line_index INTEGER NOT NULL CHECK (line_index >= 1),
          text TEXT NOT NULL,
          text_nfkc TEXT NOT NULL,
          typed_at TEXT NOT NULL,
          elapsed_seconds REAL NOT NULL
        );
        CREATE UNIQUE INDEX answer_line_by_question ON answer_line(asked_question_id, line_index);

        -- The line being typed, saved while typing so a killed process loses at most a second.
        CREATE TABLE draft (
          asked_question_id INTEGER PRIMARY KEY REFERENCES asked_question(id) ON DELETE CASCADE,
          text TEXT NOT NULL,
          cursor INTEGER CHECK (cursor >= 0),
          elapsed_seconds REAL NOT NULL,
          saved_at TEXT NOT NULL
        );

        CREATE TABLE self_review (
          asked_question_id INTEGER PRIMARY KEY REFERENCES asked_question(id) ON DELETE CASCADE,
          what_went_wrong TEXT,
          why TEXT,
          next_time TEXT,
          reviewed_at TEXT NOT NULL
        );
        CREATE TABLE review_rating (
          asked_question_id INTEGER NOT NULL REFERENCES self_review(asked_question_id) ON DELETE CASCADE,
          criterion TEXT NOT NULL,
          rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
          PRIMARY KEY (asked_question_id, criterion)
        ) WITHOUT ROWID;
        """)
  }
}
