import Foundation
import RehearseCore
import RehearseStore

/// A stored `score --json` report read back for display (the reader, HTML exports and the
/// report): each judged category's level, whether it is present, its spans and its hint.
/// The stored report is shown as it was scored, never scored again.
struct StoredScore: Equatable {
  struct Category: Equatable {
    var level: Int
    var present: Bool
    /// The words that earned the level, as Unicode scalar offsets into the answer.
    var spans: [Range<Int>]
    var hint: String?
  }

  var total: Int?
  /// The categories the answer was judged on (not company fit without a company).
  var categories: [ScoreCategory: Category]
  var ownership: Ownership?
  /// The failure review's level (0–3), for a failure answer.
  var failureLevel: Int?

  init?(json: String?) {
    // Foundation's parser: decoding `JSONValue` with JSONDecoder took most of an HTML export.
    guard let json, let report = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let all = report["categories"] as? [String: Any]
    else { return nil }
    total = report["total"] as? Int
    var categories: [ScoreCategory: Category] = [:]
    for (name, value) in all {
      guard let category = ScoreCategory(rawValue: name), let value = value as? [String: Any],
        value["asked"] as? Bool ?? true, let level = value["level"] as? Int
      else { continue }
      var spans: [Range<Int>] = []
      for match in value["matches"] as? [[String: Any]] ?? [] {
        if let start = match["start"] as? Int, let end = match["end"] as? Int, start >= 0, end > start {
          spans.append(start..<end)
        }
      }
      categories[category] = Category(
        level: max(0, min(3, level)), present: value["present"] as? Bool ?? false, spans: spans,
        hint: value["hint"] as? String)
    }
    self.categories = categories
    if let own = report["ownership"] as? [String: Any], let i = own["i"] as? Int, let we = own["we"] as? Int {
      ownership = Ownership(firstPersonSingular: i, firstPersonPlural: we)
    }
    if let review = report["failure_review"] as? [String: Any] {
      failureLevel = ["cause", "change", "result"].count { review[$0] as? Bool == true }
    }
  }

  /// Every category's spans, in the report's order (structure has no words of its own).
  var spans: [(category: ScoreCategory, range: Range<Int>)] {
    ScoreView.order.filter { $0 != .structure }.flatMap { category in
      (categories[category]?.spans ?? []).map { (category, $0) }
    }
  }
}

extension AskedQuestion {
  /// The scorer's suggestion for each self-review criterion, as the drill made it: the answer
  /// and its follow-ups together (a reason given when asked for still counts), "I" and "we"
  /// from the answer itself.
  func scorerSuggestions(_ criteria: [Rubric.Criterion]) -> [String: Int] {
    guard let main = StoredScore(json: outcome?.scoreJSON) else { return [:] }
    var levels = main.categories.mapValues(\.level)
    var failure = main.failureLevel
    for followUp in followUps {
      guard let score = StoredScore(json: followUp.outcome?.scoreJSON) else { continue }
      for (category, result) in score.categories where result.level > levels[category] ?? -1 {
        levels[category] = result.level
      }
      if let level = score.failureLevel, level > failure ?? -1 { failure = level }
    }
    return Calibration.suggestions(
      for: criteria, levels: levels, ownership: main.ownership, failureLevel: failure,
      hasCompany: main.categories[.companyFit] != nil)
  }
}

/// Which category marks each Unicode scalar of an answer, where spans overlap the first in the
/// report's order, and the runs of one mark for drawing them.
struct SpanMarks {
  let scalars: [Unicode.Scalar]
  let owner: [ScoreCategory?]
  /// The text's UTF-8, and where each scalar starts in it (one more for the end): a run's text
  /// is a slice of bytes, not a rebuilt string of scalars (most of an HTML export's time).
  private let utf8: [UInt8]
  private let offsets: [Int]

  init(_ text: String, spans: [(category: ScoreCategory, range: Range<Int>)]) {
    scalars = Array(text.unicodeScalars)
    utf8 = Array(text.utf8)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    self.offsets = offsets
    var owner = [ScoreCategory?](repeating: nil, count: scalars.count)
    for (category, range) in spans {
      for index in max(0, range.lowerBound)..<min(scalars.count, max(range.lowerBound, range.upperBound))
      where owner[index] == nil {
        owner[index] = category
      }
    }
    self.owner = owner
  }

  /// The runs within `range`: each a stretch with one category (`byCategory`) or, otherwise,
  /// marked or not (its first category standing for the run).
  func runs(in range: Range<Int>, byCategory: Bool) -> [(text: String, category: ScoreCategory?)] {
    var runs: [(String, ScoreCategory?)] = []
    var start = range.lowerBound
    while start < range.upperBound {
      var end = start + 1
      if byCategory {
        while end < range.upperBound, owner[end] == owner[start] { end += 1 }
      } else {
        while end < range.upperBound, (owner[end] == nil) == (owner[start] == nil) { end += 1 }
      }
      runs.append((text(start..<end), owner[start]))
      start = end
    }
    return runs
  }

  func text(_ range: Range<Int>) -> String {
    String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
  }
}
