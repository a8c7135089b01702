import Foundation

/// Company fit: the bank's values, required and preferred skills and hiring-background words,
/// used in context. A mention is level 1; tied to the speaker's own experience in the same or
/// next sentence, level 2; tied and said as what they would give (not only what they would
/// get), level 3.
extension Analysis {
  func companyFit(company: Company?) -> CategoryResult {
    var matches: [Match] = []
    var level = 0
    let own = sentencesWith("company_fit.own_experience")
    let give = hits("company_fit.give")
    let get = hits("company_fit.get")
    let gives = give.count >= get.count && !give.isEmpty

    var termHits: [Hit] = []
    if let company {
      for term in CompanyTerms.terms(of: company) {
        termHits += occurrences(of: term)
      }
    }
    let generic = Set(hits("company_fit.company"))
    termHits += generic
    for hit in termHits {
      matches.append(match(hit))
      let index = sentence(of: hit.range.lowerBound)
      let isTerm = !generic.contains(hit)
      guard isTerm else {
        level = max(level, 1)
        continue
      }
      if own.contains(index) || own.contains(index + 1) || own.contains(index - 1) {
        level = max(level, gives ? 3 : 2)
      } else {
        level = max(level, 1)
      }
    }
    if !matches.isEmpty { matches += give.map(match) }
    return CategoryResult(level: level, matches: Array(Set(matches)).sortedByStart(), cancelled: [], hint: nil)
  }

  /// Every literal occurrence of `term` in the normalised answer (case-insensitive).
  func occurrences(of term: String) -> [Hit] {
    let haystack = text.text as NSString
    var found: [Hit] = []
    var searchRange = NSRange(location: 0, length: haystack.length)
    while true {
      let range = haystack.range(of: term, options: [.caseInsensitive], range: searchRange)
      if range.location == NSNotFound { break }
      // A Latin word counts whole: "care" is not in "childcare", nor "cause" in "because".
      let scalars = text.scalarRange(range)
      let values = text.scalarText.values
      func isLatinLetter(_ index: Int) -> Bool {
        values.indices.contains(index)
          && ((0x41...0x5A).contains(values[index]) || (0x61...0x7A).contains(values[index]))
      }
      let wholeWord =
        !(isLatinLetter(scalars.lowerBound) && isLatinLetter(scalars.lowerBound - 1))
        && !(isLatinLetter(scalars.upperBound - 1) && isLatinLetter(scalars.upperBound))
      if wholeWord { found.append(Hit(marker: term, range: scalars)) }
      let next = range.location + range.length
      searchRange = NSRange(location: next, length: haystack.length - next)
    }
    return found
  }
}

/// The words of a company's prep sheet worth looking for in an answer.
enum CompanyTerms {
  /// Values whole; skills and background as their content words (runs of kanji, katakana or
  /// Latin letters), without the words every posting uses.
  static func terms(of company: Company) -> [String] {
    var terms: [String] = []
    for value in company.values {
      let normalized = value.precomposedStringWithCompatibilityMapping
      terms.append(normalized)
      if normalized.unicodeScalars.count > 8 { terms += contentWords(normalized) }
    }
    for phrase in company.requiredSkills + company.preferredSkills + [company.hiringBackground ?? ""] {
      terms += contentWords(phrase.precomposedStringWithCompatibilityMapping)
    }
    var seen: Set<String> = []
    return terms.filter { $0.unicodeScalars.count >= 2 && seen.insert($0.lowercased()).inserted }
  }

  static let common: Set<String> = [
    "経験", "能力", "スキル", "こと", "もの", "知識", "実務", "業務", "以上", "歓迎", "必須", "理解", "関係", "仕事",
    "人材", "方", "年以上", "できる", "ある", "担当", "対応", "推進", "現在", "今後", "事業", "拡大", "増加", "強化",
    // Words every answer in service uses, with or without the honorific: no sign of this company.
    "お客様", "お客さま", "客様", "顧客", "お客",
    "experience", "skills", "skill", "ability", "knowledge", "years", "strong", "with", "and", "the", "for", "work",
    "working", "team", "teams", "plus", "preferred", "required", "including", "such", "able", "good", "excellent",
    "business", "growth", "our", "your", "their", "who", "that", "this", "from", "into", "more", "new",
    // Everyday words a hiring background uses that say nothing about the company.
    "first", "last", "time", "times", "year", "kept", "keep", "before", "after", "because", "about", "over", "many",
    "much", "most", "also", "need", "needs", "people", "want", "when", "what", "which", "where", "have", "has", "had",
    "been", "were", "was", "are", "will", "would", "could", "should", "than", "then", "them", "they", "there",
  ]

  static func contentWords(_ phrase: String) -> [String] {
    var words: [String] = []
    var current = ""
    var currentKind = 0
    var previousScalar: Unicode.Scalar?
    func flush() {
      if current.unicodeScalars.count >= (currentKind == 3 ? 4 : 2), !common.contains(current.lowercased()) {
        words.append(current)
      }
      current = ""
    }
    for scalar in phrase.unicodeScalars {
      let kind: Int
      switch scalar.value {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF: kind = 1
      case 0x30A0...0x30FF: kind = 2
      case 0x41...0x5A, 0x61...0x7A: kind = 3
      default: kind = 0
      }
      if kind != currentKind {
        flush()
        // An honorific prefix belongs to its word: お客様, not 客様; ご提案, not 提案 alone.
        if kind == 1, let previous = previousScalar, previous == "お" || previous == "ご" || previous == "御" {
          current.unicodeScalars.append(previous)
        }
      }
      currentKind = kind
      if kind != 0 { current.unicodeScalars.append(scalar) }
      previousScalar = scalar
    }
    flush()
    return words
  }
}
