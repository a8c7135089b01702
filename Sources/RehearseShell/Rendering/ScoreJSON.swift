import RehearseCore

/// The `score --json` shape: DESIGN §5's contract (`lang`, `categories.*.{present, score,
/// matches}`, `total`) plus `level`, `cancelled`, `hint` and the extras.
enum ScoreJSON {
  struct Report: Encodable {
    var lang: String
    var categories: Categories
    var total: Int
    var ownership: OwnershipJSON
    var fillers: [MatchJSON]
    var failureReview: FailureJSON?

    enum CodingKeys: String, CodingKey {
      case lang, categories, total, ownership, fillers
      case failureReview = "failure_review"
    }
  }

  struct Categories: Encodable {
    var reasoning: Category
    var reproducibility: Category
    var evidence: Category
    var companyFit: Category
    var structure: Category

    enum CodingKeys: String, CodingKey {
      case reasoning, reproducibility, evidence, structure
      case companyFit = "company_fit"
    }
  }

  struct Category: Encodable {
    var present: Bool
    var level: Int
    var score: Double
    var matches: [MatchJSON]
    var cancelled: [CancelledJSON]
    var hint: String?
    /// Whether the question's kind asks for this category (it counts in `total` only then).
    var asked: Bool
  }

  struct MatchJSON: Encodable {
    var marker: String
    var text: String
    var start: Int
    var end: Int
  }

  struct CancelledJSON: Encodable {
    var marker: String
    var text: String
    var start: Int
    var end: Int
    var rule: String
  }

  struct OwnershipJSON: Encodable {
    var i: Int
    var we: Int
  }

  struct FailureJSON: Encodable {
    var cause: Bool
    var change: Bool
    var result: Bool
  }

  static func report(_ report: ScoreReport) -> Report {
    func match(_ m: Match) -> MatchJSON { MatchJSON(marker: m.marker, text: m.text, start: m.start, end: m.end) }
    func category(_ c: ScoreCategory) -> Category {
      let r = report[c]
      return Category(
        present: r.present, level: r.level, score: (r.score * 100).rounded() / 100, matches: r.matches.map(match),
        cancelled: r.cancelled.map {
          CancelledJSON(
            marker: $0.match.marker, text: $0.match.text, start: $0.match.start, end: $0.match.end, rule: $0.rule)
        },
        hint: r.present ? nil : r.hint, asked: report.isAsked(c))
    }
    return Report(
      lang: report.language.rawValue,
      categories: Categories(
        reasoning: category(.reasoning), reproducibility: category(.reproducibility), evidence: category(.evidence),
        companyFit: category(.companyFit), structure: category(.structure)),
      total: report.total,
      ownership: OwnershipJSON(i: report.ownership.firstPersonSingular, we: report.ownership.firstPersonPlural),
      fillers: report.fillers.map(match),
      failureReview: report.failureReview.map { FailureJSON(cause: $0.cause, change: $0.change, result: $0.result) })
  }
}
