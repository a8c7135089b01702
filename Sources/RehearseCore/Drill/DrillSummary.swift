/// The end of a drill (DESIGN §3): per category the levels across questions, time used
/// against the limits, the self-ratings beside the scorer's, and the question to retry.
public struct DrillSummary: Equatable, Sendable {
  public var plan: DrillPlan
  public var results: [QuestionResult]

  public init(plan: DrillPlan, results: [QuestionResult]) {
    self.plan = plan
    self.results = results
  }

  /// Questions with a scored answer.
  public var answered: [QuestionResult] { results.filter { $0.combinedReport != nil } }

  /// The level (0–3) of each category in each answered question, in question order.
  public func levels(_ category: ScoreCategory) -> [Int] {
    answered.compactMap { $0.combinedReport?[category].level }
  }

  /// The categories worth showing: company fit only when a question came from a company bank.
  public var categories: [ScoreCategory] {
    let judged = plan.questions.contains { $0.judgedCompany != nil }
    return ScoreCategory.allCases.filter { $0 != .companyFit || judged }
  }

  /// Seconds used and the limit, for each question with a main answer.
  public var timeUse: [(number: Int, seconds: Double, limit: Int, overtime: Double, timedOut: Bool)] {
    results.compactMap { result in
      guard let main = result.main, main.status != .skipped else { return nil }
      return (result.question.number, main.seconds, main.limitSeconds, main.overtimeSeconds, main.timedOut)
    }
  }

  /// Self-ratings beside the scorer's view, per criterion, averaged over reviewed questions;
  /// flagged where they differ by two points or more.
  public var calibration: [CalibrationRow] {
    var order: [String] = []
    var selfTotals: [String: (sum: Int, count: Int)] = [:]
    var scorerTotals: [String: (sum: Int, count: Int)] = [:]
    for result in results {
      guard let review = result.review else { continue }
      for entry in review.calibration.entries {
        if !order.contains(entry.criterion) { order.append(entry.criterion) }
        selfTotals[entry.criterion, default: (0, 0)].sum += entry.selfRating
        selfTotals[entry.criterion, default: (0, 0)].count += 1
        if let suggested = entry.suggested {
          scorerTotals[entry.criterion, default: (0, 0)].sum += suggested
          scorerTotals[entry.criterion, default: (0, 0)].count += 1
        }
      }
    }
    return order.map { id in
      let mine = selfTotals[id].map { Double($0.sum) / Double($0.count) } ?? 0
      let scorer = scorerTotals[id].map { Double($0.sum) / Double($0.count) }
      var verdict = Calibration.Verdict.aligned
      if let scorer, mine - scorer >= 2 { verdict = .overconfident }
      if let scorer, scorer - mine >= 2 { verdict = .underconfident }
      return CalibrationRow(criterion: id, selfRating: mine, scorer: scorer, verdict: verdict)
    }
  }

  /// Criteria some question asked to rate that were left unrated everywhere, in rubric order.
  public var unrated: [String] {
    var seen: [String] = []
    for result in results {
      for id in result.review?.unrated ?? [] where !seen.contains(id) { seen.append(id) }
    }
    let rated = Set(results.flatMap { $0.review?.ratings.keys.map { $0 } ?? [] })
    return seen.filter { !rated.contains($0) }
  }

  /// The answered question with the lowest share of the levels it could reach in the
  /// summary's categories its kind asks for, follow-ups included as in the table (the first of
  /// equals), to drill again: a status question is not "weakest" for lacking a number.
  public var weakest: QuestionResult? {
    func share(_ result: QuestionResult) -> Double {
      guard let report = result.combinedReport else { return 0 }
      let counted = categories.filter { report.isAsked($0) }
      guard !counted.isEmpty else { return 1 }
      return Double(counted.reduce(0) { $0 + report[$1].level }) / Double(3 * counted.count)
    }
    return answered.min { share($0) < share($1) }
  }
}

public struct CalibrationRow: Equatable, Sendable {
  public var criterion: String
  public var selfRating: Double
  public var scorer: Double?
  public var verdict: Calibration.Verdict
}
