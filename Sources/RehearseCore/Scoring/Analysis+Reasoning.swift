/// Reasoning: why the speaker decided. A reason counts only when it attaches to a decision the
/// speaker made: in the same sentence, in the sentence before (a reason given after the fact:
/// 「…と考えたからです」), or in the next one when that one opens with a consequence ("So I…").
/// Disclaimers cancel reasons in their sentence; a denied reason is cancelled and the one after
/// it counts; a reason whose clause ends in an event (中止になった) explains no decision; someone
/// else's decision earns nothing; a criterion or a rejected alternative beside an attached reason
/// makes it level 3, but an alternative alone says no why.
extension Analysis {
  func reasoning(question: String? = nil) -> CategoryResult {
    let negated = sentencesWith("reasoning.negation")
    let others = sentencesWith("reasoning.others_decision")
    // Decisions in a sentence of stacked markers are not decisions anyone can check.
    // A choice: a decision verb, or the option turned down ("in the evening, not the morning",
    // 「口頭ではなく」), which says a choice was made whoever the sentence names.
    func speakers(_ found: [Hit]) -> [Hit] {
      found.filter { !overlaps($0, "reasoning.others_decision") && !isInside($0, "reasoning.negation") }
    }
    let ownVerbHits = speakers(hits("reasoning.decision") + hits("reasoning.action"))
    let decisionHits = ownVerbHits + speakers(hits("reasoning.alternative"))
    let decisionSentences = Set(decisionHits.map { sentence(of: $0.range.lowerBound) })
    // Who decided last before a point in a sentence: "My mother wanted me to do nursing, but I put
    // social work first because…" is the speaker's choice; "I suggested X but my manager went with
    // Y because…" is not. True for the speaker, false for someone else, nil when neither. Before a
    // reason, only a verb names who chose (`verbsOnly`): in "Our GM decided we'd open at 4pm instead
    // of 6, because…" the option turned down is the GM's. Over a whole sentence an option turned
    // down counts too ("I pushed for one recommendation, bc the board had told us they wanted an
    // answer, not a menu"). English only: a Japanese decision verb comes after its reason
    // (「安全を優先するために…と判断されまして」).
    let otherHits = hits("reasoning.others_decision")
    func speakerDecidedLast(before position: Int, in index: Int, verbsOnly: Bool = false) -> Bool? {
      let range = sentences[index]
      guard otherHits.contains(where: { range.contains($0.range.lowerBound) && isLatin($0) }) else { return nil }
      let other = otherHits.lazy.filter { range.contains($0.range.lowerBound) && $0.range.lowerBound < position }
        .map(\.range.lowerBound).max()
      let own = (verbsOnly ? ownVerbHits : decisionHits).lazy.filter {
        range.contains($0.range.lowerBound) && $0.range.lowerBound < position
      }
      .map(\.range.lowerBound).max()
      switch (own, other) {
      case (nil, nil): return nil
      case (_?, nil): return true
      case (nil, _?): return false
      case (let own?, let other?): return own > other
      }
    }
    let othersDecide = others.filter { speakerDecidedLast(before: sentences[$0].upperBound, in: $0) != true }
    let decisions =
      decisionSentences
      .subtracting(othersDecide).subtracting(gamed)
      // "I didn't really decide; it just happened": a disclaimed choice anchors no reason nearby.
      .subtracting(negated)
    let consequenceStarts = Set(
      hits("reasoning.consequence").filter {
        $0.range.lowerBound <= sentences[sentence(of: $0.range.lowerBound)].lowerBound + 1
      }
      .map { sentence(of: $0.range.lowerBound) })

    var matches: [Match] = []
    var cancelled: [CancelledMatch] = []
    var attached: Set<Int> = []
    var deep: Set<Int> = []
    var alternativesOnly: Set<Int> = []
    var level = 0

    let afterTheFact = sentencesWith("reasoning.reason_ending")
    // 「なぜ当社を？」"Why do you want to leave?": the opening of the answer is the speaker's reason
    // for their own choice, whatever verb it uses.
    // "Why should we hire you?" — "Because I've done almost every part of this job already"
    // (「なぜ当社はあなたを採用すべきですか」—「…経験してきたからです」): a reply to a question that
    // asks for a claim about the speaker gives grounds for the claim, not the why of a decision.
    let asksForClaim = question.map { isClaimQuestion($0) } ?? false
    let answersWhy = !asksForClaim && (question.map { isWhyQuestion($0) } ?? false)
    let opensWithClaim =
      asksForClaim
      && (hits("reasoning.connective") + hits("reasoning.clause")).min { $0.range.lowerBound < $1.range.lowerBound }
        .map {
          sentence(of: $0.range.lowerBound) == 0 && (!isLatin($0) || $0.range.lowerBound <= sentences[0].lowerBound + 1)
        }
        ?? false
    func attaches(_ index: Int) -> Bool {
      (answersWhy && index <= 1) || decisions.contains(index) || decisions.contains(index - 1)
        || (decisions.contains(index + 1) && consequenceStarts.contains(index + 1))
        // 「…を選びました。…ではありません。…と考えたからです。」: an explicit after-the-fact
        // reason reaches back over one sentence without a decision of its own.
        || (afterTheFact.contains(index) && decisions.contains(index - 2))
    }

    var selfAttached: [Range<Int>] = []
    for hit in hits("reasoning.self_attached") {
      let index = sentence(of: hit.range.lowerBound)
      // "There are three reasons why I want to join: culture, growth and stability."
      if isInside(hit, "reasoning.empty") {
        cancelled.append(self.cancelled(hit, "no-content"))
        level = max(level, 1)
        continue
      }
      if negated.contains(index) || gamed.contains(index) {
        cancelled.append(self.cancelled(hit, gamed.contains(index) ? "keyword-gaming" : "negation"))
        continue
      }
      matches.append(match(hit))
      selfAttached.append(hit.range)
      attached.insert(index)
    }

    let roles = ["reasoning.connective", "reasoning.clause", "reasoning.criterion", "reasoning.alternative"]
    for role in roles {
      for hit in hits(role)
      where !selfAttached.contains(where: { $0.overlaps(hit.range) && $0.lowerBound <= hit.range.lowerBound }) {
        let index = sentence(of: hit.range.lowerBound)
        if isInside(hit, "reasoning.empty") {
          cancelled.append(self.cancelled(hit, "no-content"))
          level = max(level, 1)
          continue
        }
        if opensWithClaim, index == 0 {
          cancelled.append(self.cancelled(hit, "no-decision"))
          level = max(level, 1)
          continue
        }
        if isInside(hit, "reasoning.event_cause") {
          cancelled.append(self.cancelled(hit, "non-decision"))
          level = max(level, 1)
          continue
        }
        if isInside(hit, "reasoning.failure_cause") {
          cancelled.append(self.cancelled(hit, "failure-cause"))
          level = max(level, 1)
          continue
        }
        if isInside(hit, "reasoning.denial") {
          cancelled.append(self.cancelled(hit, "denied-reason"))
          continue
        }
        if negated.contains(index) {
          cancelled.append(self.cancelled(hit, "negation"))
          continue
        }
        if gamed.contains(index) {
          cancelled.append(self.cancelled(hit, "keyword-gaming"))
          level = max(level, 1)
          continue
        }
        if others.contains(index),
          !(speakerDecidedLast(before: hit.range.lowerBound, in: index, verbsOnly: true) ?? decisions.contains(index))
        {
          cancelled.append(self.cancelled(hit, "someone-elses-decision"))
          level = max(level, 1)
          continue
        }
        if role == "reasoning.clause" || role == "reasoning.connective", !(answersWhy && index <= 1),
          !speakerActs(around: hit, decisionSentences: decisionSentences, afterTheFact: afterTheFact)
        {
          cancelled.append(self.cancelled(hit, "non-decision"))
          level = max(level, 1)
          continue
        }
        if role == "reasoning.clause" || (role == "reasoning.connective" && !isLatin(hit)),
          explainsAnEvent(hit, decisions: decisionHits)
        {
          cancelled.append(self.cancelled(hit, "non-decision"))
          level = max(level, 1)
          continue
        }
        guard attaches(index) else {
          cancelled.append(self.cancelled(hit, "no-decision"))
          level = max(level, 1)
          continue
        }
        matches.append(match(hit))
        switch role {
        case "reasoning.alternative": alternativesOnly.insert(index); deep.insert(index)
        case "reasoning.criterion": attached.insert(index); deep.insert(index)
        default: attached.insert(index)
        }
      }
    }
    // A reason with no connective, after the decision it explains: in the decision's sentence
    // after its verb, or in the next sentence ("I postponed the pour. Curing blankets would have
    // cost about the same…"). Never before it: a problem told before an action says no why.
    // The option not taken set against the one taken ("Cones get moved. A barrier full of water
    // doesnt.") may stand one sentence further, when it opens its sentence and so answers the one
    // before it.
    let contrasts = hits("reasoning.contrast").map { found in
      let hit = Hit(marker: found.marker, range: clauseStart(of: found.range.lowerBound)..<found.range.upperBound)
      return (hit: hit, reach: hit.range.lowerBound == sentences[sentence(of: hit.range.lowerBound)].lowerBound ? 2 : 1)
    }
    // 「…と決めました。…減っていくんです。」: a sentence ending in 〜んです explains the decision in the
    // sentence before it, never one in its own sentence; the match ends there, so it is shown from
    // where its sentence begins.
    let explanations = hits("reasoning.explanation").map { found in
      (
        hit: Hit(
          marker: found.marker,
          range: sentences[sentence(of: found.range.lowerBound)].lowerBound..<found.range.upperBound), reach: 1
      )
    }
    for (hit, reach) in hits("reasoning.implicit").map({ (hit: $0, reach: 1) }) + contrasts + explanations {
      let index = sentence(of: hit.range.lowerBound)
      guard !negated.contains(index), !gamed.contains(index), !others.contains(index) else { continue }
      let before = decisionHits.contains {
        let at = sentence(of: $0.range.lowerBound)
        return decisions.contains(at)
          && (at == index && $0.range.upperBound <= hit.range.lowerBound || (index - reach..<index).contains(at))
      }
      guard before else { continue }
      matches.append(match(hit))
      attached.insert(index)
    }
    // "…rather than relying on the e-learning. The e-learning passes people who've never touched a
    // real vein.": the sentence right after a turned-down option, when it is no new action of the
    // speaker's and no result, is the why.
    let results =
      alternativesOnly.isEmpty
      ? [] : sentencesWith("evidence.result").union(sentencesWith("evidence.before_after"))
    for index in alternativesOnly.subtracting(attached) where index + 1 < sentences.count {
      let next = index + 1
      guard !decisionSentences.contains(next), !negated.contains(next), !gamed.contains(next), !others.contains(next),
        !results.contains(next)
      else { continue }
      attached.insert(index)
    }
    if !attached.isEmpty {
      level = 2
      if attached.contains(where: { index in deep.contains { abs($0 - index) <= 1 } }) { level = 3 }
    } else if !alternativesOnly.isEmpty {
      // "boxes by size instead of by brand": an alternative, but no why.
      level = max(level, 1)
    }
    return CategoryResult(
      level: level, matches: matches.sortedByStart(), cancelled: cancelled.sortedByStart(), hint: nil)
  }

  /// Where the clause holding `position` begins: after the last comma, semicolon, colon, dash
  /// (a hyphen with a space before it) or sentence end before it, and its spaces. 、 is no break:
  /// a Japanese contrast (「ずらさなければ、…ことになっていました」) is shown from where its
  /// sentence begins, condition and all.
  func clauseStart(of position: Int) -> Int {
    let values = text.scalarText.values
    let floor = sentences[sentence(of: position)].lowerBound
    var start = position
    func breaks(before index: Int) -> Bool {
      let value = values[index - 1]
      // A hyphen breaks only as a spaced dash ("cut it - needed"), not inside "water-filled".
      return Self.clauseBreaks.contains(value) || value == 0x2D && index >= 2 && ScalarText.isSpace(values[index - 2])
    }
    while start > floor, !breaks(before: start) { start -= 1 }
    while start < position, ScalarText.isSpace(values[start]) { start += 1 }
    return start
  }

  /// , ; : . ! ? – —
  static let clauseBreaks: Set<UInt32> = [0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x2013, 0x2014]

  /// Whether an English reason belongs to something the speaker did: a decision of theirs before
  /// it in its sentence ("i went over her head bc…", "Picked SRE over the support track bc…") or
  /// after it ("Not because it paid more, but because the team shipped weekly, I chose…"), or a
  /// sentence that opens by giving the reason for the one before ("That's because…"). Otherwise
  /// the reason explains an event ("The system showed it as ready because housekeeping…").
  /// Other scripts are not checked: Japanese predicates are tested by `explainsAnEvent`.
  func speakerActs(around hit: Hit, decisionSentences: Set<Int>, afterTheFact: Set<Int>) -> Bool {
    guard isLatin(hit) else { return true }
    let index = sentence(of: hit.range.lowerBound)
    if afterTheFact.contains(index) && hit.range.lowerBound - sentences[index].lowerBound <= 16 { return true }
    if decisionSentences.contains(index) { return true }
    // "Visit first, because a court report can be given an extension": a sentence with no
    // subject of its own goes on from the decision before it; one that names someone or
    // something else ("The system showed it as ready because…") tells what that did.
    let opensWithOther = hits("reasoning.third_party").contains { sentence(of: $0.range.lowerBound) == index }
    return !opensWithOther && decisionSentences.contains(index - 1)
  }

  /// Whether a hit begins with a Latin letter (English markers; Japanese ones begin with kana or kanji).
  func isLatin(_ hit: Hit) -> Bool {
    let values = text.scalarText.values
    return values.indices.contains(hit.range.lowerBound) && values[hit.range.lowerBound] < 0x80
  }

  /// Whether the question asks the speaker why (なぜ, 志望理由, "why did you…").
  func isWhyQuestion(_ question: String) -> Bool {
    let questionText = NormalizedText(question)
    return lexicons.contains { !$0.role("reasoning.why_question").matches(in: questionText).isEmpty }
  }

  /// Whether the question asks for a claim about the speaker ("Why should we hire you?", "What
  /// makes you the right person?") rather than the why of a decision.
  func isClaimQuestion(_ question: String) -> Bool {
    let questionText = NormalizedText(question)
    return lexicons.contains { !$0.role("reasoning.claim_question").matches(in: questionText).isEmpty }
  }

  /// Whether a clause-level reason (〜ので, 〜から) leads to an event rather than a decision:
  /// the first predicate after it is 中止になった, not 選んだ.
  func explainsAnEvent(_ hit: Hit, decisions: [Hit]) -> Bool {
    // A marker that opens a sentence may begin on the stop before it (「。そのため、」): look from
    // its end to the end of the sentence it ends in.
    let bounds = sentences[sentence(of: max(hit.range.lowerBound, hit.range.upperBound - 1))]
    let end = min(bounds.upperBound, hit.range.upperBound + 30)
    guard hit.range.upperBound < end else { return false }
    let window = hit.range.upperBound..<end
    let event = hits("reasoning.event").first { window.contains($0.range.lowerBound) }
    let decision = decisions.filter { window.contains($0.range.lowerBound) }.min {
      $0.range.lowerBound < $1.range.lowerBound
    }
    guard let event else { return false }
    return decision.map { event.range.lowerBound < $0.range.lowerBound } ?? true
  }

  /// Sentences stuffed with markers and little else ("Because I prioritized the trade-off, I
  /// decided to go with a repeatable, documented playbook…"): at most one credit per sentence
  /// means such a sentence earns none.
  func findGamingSentences() -> Set<Int> {
    // Abstract buzzwords and connectives count; concrete things (a checklist, 他の店舗) do not.
    let roles = ["gaming.buzzword", "reasoning.connective", "evidence.vague"]
    // Overlapping hits (手順書 inside 手順書にまとめ) are one marker.
    var bySentence: [Int: [Range<Int>]] = [:]
    for role in roles {
      for hit in hits(role) {
        let index = sentence(of: hit.range.lowerBound)
        if !(bySentence[index] ?? []).contains(where: { $0.overlaps(hit.range) }) {
          bySentence[index, default: []].append(hit.range)
        }
      }
    }
    var found: Set<Int> = []
    for (index, markers) in bySentence where markers.count >= 3 {
      if wordCount(sentences[index]) < markers.count * 6 { found.insert(index) }
    }
    return found
  }

  /// Words in a sentence: spaces for English, about three characters a word for Japanese.
  func wordCount(_ range: Range<Int>) -> Int {
    let values = text.scalarText.values
    let japanese = range.clamped(to: values.indices).count { (0x3040...0x9FFF).contains(values[$0]) }
    return text.scalarText.wordCount(range, latinOnly: true) + japanese * 2 / 5
  }
}

extension Array where Element == Match {
  func sortedByStart() -> [Match] { sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
}

extension Array where Element == CancelledMatch {
  func sortedByStart() -> [CancelledMatch] {
    sorted { ($0.match.start, $0.match.end) < ($1.match.start, $1.match.end) }
  }
}
