import Foundation

/// One question as a spaced-repetition card: its bank and question ids. Follow-ups belong to
/// their question.
public struct CardID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var bank: String
  public var question: String

  public init(bank: String, question: String) {
    self.bank = bank
    self.question = question
  }

  /// `bank/question`, as `description` writes it (ids never hold a slash).
  public init?(_ description: String) {
    guard let slash = description.firstIndex(of: "/") else { return nil }
    let bank = String(description[..<slash])
    let question = String(description[description.index(after: slash)...])
    guard !bank.isEmpty, !question.isEmpty else { return nil }
    self.init(bank: bank, question: question)
  }

  public static func < (lhs: CardID, rhs: CardID) -> Bool { (lhs.bank, lhs.question) < (rhs.bank, rhs.question) }
  public var description: String { "\(bank)/\(question)" }
}

/// One graded attempt in the review log: the card, when, the grade, and the memory before and
/// after. The schedule is these, replayed.
public struct ReviewEntry: Sendable, Equatable, Codable {
  public var card: CardID
  public var at: Date
  public var grade: FSRS.Grade
  public var before: FSRS.Memory?
  public var after: FSRS.Memory
  /// The practice day it was on (kept, so streaks and "today" need no replay).
  public var day: PracticeDay
  /// The practice day it is due again.
  public var due: PracticeDay

  public init(
    card: CardID, at: Date, grade: FSRS.Grade, before: FSRS.Memory?, after: FSRS.Memory, day: PracticeDay,
    due: PracticeDay
  ) {
    self.card = card
    self.at = at
    self.grade = grade
    self.before = before
    self.after = after
    self.day = day
    self.due = due
  }

  /// The card's state right after this review, given how many reviews it had before.
  public func state(reviewsBefore: Int) -> CardState {
    CardState(memory: after, lastDay: day, due: due, reviews: reviewsBefore + 1, lastGrade: grade)
  }
}

/// Where a card stands after its last review.
public struct CardState: Sendable, Equatable {
  public var memory: FSRS.Memory
  public var lastDay: PracticeDay
  public var due: PracticeDay
  public var reviews: Int
  public var lastGrade: FSRS.Grade

  public init(memory: FSRS.Memory, lastDay: PracticeDay, due: PracticeDay, reviews: Int, lastGrade: FSRS.Grade) {
    self.memory = memory
    self.lastDay = lastDay
    self.due = due
    self.reviews = reviews
    self.lastGrade = lastGrade
  }
}

/// The daily-practice schedule (pure: the clock, time zone and seed come in as values): FSRS
/// over whole practice days, new questions rationed and introduced in interview order.
public struct PracticeSchedule: Sendable {
  public var fsrs: FSRS
  public var calendar: PracticeCalendar

  public init(fsrs: FSRS = FSRS(), calendar: PracticeCalendar) {
    self.fsrs = fsrs
    self.calendar = calendar
  }

  /// The log entry for an attempt graded `grade` at `date`, after `state` (nil: a new card).
  public func review(_ card: CardID, state: CardState?, grade: FSRS.Grade, at date: Date) -> ReviewEntry {
    let day = calendar.day(of: date)
    let elapsed = state.map { day.days(since: $0.lastDay) } ?? 0
    let after = fsrs.next(state?.memory, grade: grade, elapsedDays: elapsed)
    return ReviewEntry(
      card: card, at: date, grade: grade, before: state?.memory, after: after, day: day,
      due: day.adding(days: fsrs.interval(stability: after.stability)))
  }

  /// Every card's state, rebuilt by replaying the log in time order (FSRS again, not the stored
  /// "after", so a log from an older scheduler is rescheduled the same way).
  public func states(replaying log: [ReviewEntry]) -> [CardID: CardState] {
    var states: [CardID: CardState] = [:]
    for entry in log.sorted(by: { ($0.at, $0.card) < ($1.at, $1.card) }) {
      let replayed = review(entry.card, state: states[entry.card], grade: entry.grade, at: entry.at)
      states[entry.card] = replayed.state(reviewsBefore: states[entry.card]?.reviews ?? 0)
    }
    return states
  }

  /// A bank's questions in the order they are offered when new: interview order (introduction
  /// and motivation before the deep behavioural ones), the bank's order within a kind.
  public static func introductionOrder(_ questions: [Question]) -> [Question] {
    questions.enumerated().sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }
      .map(\.element)
  }

  static func rank(_ kind: QuestionKind) -> Int {
    switch kind {
    case .selfIntroduction: 0
    case .motivation: 1
    case .careerChange, .careerPlan: 2
    case .studentLife, .strengthsWeaknesses: 3
    case .behavioural, .decision, .failure: 4
    case .roleSpecific, .case: 5
    case .values, .other: 6
    case .reverseQuestion: 7
    }
  }

  /// The cards of these banks due on `day` (or before) and not finished that day, unordered.
  func dueCards(
    _ day: PracticeDay, states: [CardID: CardState], banks: [QuestionBank], finishedToday: Set<CardID>
  ) -> [(CardID, CardState)] {
    var due: [(CardID, CardState)] = []
    for bank in banks {
      for question in bank.questions {
        let card = CardID(bank: bank.company.id, question: question.id)
        if let state = states[card], state.due <= day, !finishedToday.contains(card) { due.append((card, state)) }
      }
    }
    return due
  }

  /// Today's practice, at most `count` cards: due ones first (most overdue, then the lowest
  /// chance of recall, then by id), then new ones up to `newLimit` minus those already
  /// introduced today, one bank after another in turn, each in interview order. Cards finished
  /// today are never offered again.
  public func today(
    _ day: PracticeDay, states: [CardID: CardState], banks: [QuestionBank], finishedToday: Set<CardID>,
    newIntroducedToday: Int, count: Int, newLimit: Int
  ) -> (due: [CardID], new: [CardID]) {
    let due = dueCards(day, states: states, banks: banks, finishedToday: finishedToday)
      // The chance of recall is worked out once per card, not once per comparison.
      .map { card, state in
        (
          card: card, due: state.due.number,
          recall: fsrs.retrievability(elapsedDays: day.days(since: state.lastDay), stability: state.memory.stability)
        )
      }
      .sorted { lhs, rhs in
        if lhs.due != rhs.due { return lhs.due < rhs.due }
        if lhs.recall != rhs.recall { return lhs.recall < rhs.recall }
        return lhs.card < rhs.card
      }
      .map(\.card)
    let chosenDue = Array(due.prefix(count))
    let newRoom = min(max(0, newLimit - newIntroducedToday), count - chosenDue.count)
    // Each bank's queue is put in order only when its turn comes: a few new questions a day need
    // a few banks, not every question of every bank sorted.
    var queues: [ArraySlice<CardID>?] = Array(repeating: nil, count: banks.count)
    func queue(_ index: Int) -> ArraySlice<CardID> {
      if let queue = queues[index] { return queue }
      let bank = banks[index]
      let queue = ArraySlice(
        Self.introductionOrder(bank.questions).map { CardID(bank: bank.company.id, question: $0.id) }
          .filter { states[$0] == nil && !finishedToday.contains($0) })
      queues[index] = queue
      return queue
    }
    var new: [CardID] = []
    var exhausted = Set<Int>()
    while new.count < newRoom, exhausted.count < banks.count {
      for index in banks.indices where new.count < newRoom && !exhausted.contains(index) {
        var next = queue(index)
        guard let card = next.popFirst() else {
          exhausted.insert(index)
          continue
        }
        new.append(card)
        queues[index] = next
      }
    }
    return (chosenDue, new)
  }
}

/// What `rehearse daily` practises now, and what is left beside it.
public struct DailyChoice: Equatable, Sendable {
  /// Due cards, most overdue and least likely recalled first.
  public var due: [CardID]
  /// New cards, in interview order, banks in turn.
  public var new: [CardID]
  /// Due cards left beyond these (over the count).
  public var moreDue: Int
  /// Cards never practised in these banks, beside the new ones chosen.
  public var neverPractised: Int
  /// Distinct cards answered today before this run (what counts towards the goal).
  public var doneToday: Int
  public var goal: Int

  public var cards: [CardID] { due + new }
}

extension PracticeSchedule {
  /// The streak: practice days in a row up to today, or up to yesterday while today has none
  /// yet (the streak is not lost until the day is over).
  public static func streak(_ practised: Set<PracticeDay>, today: PracticeDay) -> Int {
    var streak = 0
    var day = practised.contains(today) ? today : today.adding(days: -1)
    while practised.contains(day) {
      streak += 1
      day = day.adding(days: -1)
    }
    return streak
  }

  /// Today's daily practice: `count` cards when given, else what is left of the goal (the
  /// distinct cards answered today count towards it, so a second run the same day continues
  /// where the first stopped); due ones first, then new ones up to `newLimit` a day; nothing
  /// practised today (answered, skipped or left empty) again. The seed decides which bank's new
  /// question comes first.
  public func daily(
    _ day: PracticeDay, states: [CardID: CardState], banks: [QuestionBank], practisedToday: Set<CardID>,
    answeredToday: Int, introducedToday: Int, goal: Int, count: Int?, newLimit: Int, seed: UInt64
  ) -> DailyChoice {
    let wanted = count ?? max(0, goal - answeredToday)
    var turn = banks
    if !turn.isEmpty {
      let first = Int(seed % UInt64(turn.count))
      turn = Array(turn[first...] + turn[..<first])
    }
    let chosen = today(
      day, states: states, banks: turn, finishedToday: practisedToday, newIntroducedToday: introducedToday,
      count: wanted, newLimit: newLimit)
    let dueCount = dueCards(day, states: states, banks: banks, finishedToday: practisedToday).count
    var neverPractised = 0
    for bank in banks {
      for question in bank.questions {
        let card = CardID(bank: bank.company.id, question: question.id)
        if states[card] == nil, !practisedToday.contains(card) { neverPractised += 1 }
      }
    }
    return DailyChoice(
      due: chosen.due, new: chosen.new, moreDue: dueCount - chosen.due.count,
      neverPractised: neverPractised - chosen.new.count, doneToday: answeredToday, goal: goal)
  }
}
