import Foundation

/// FSRS-6, the Free Spaced Repetition Scheduler behind Anki's current default, with its published
/// default parameters: how well a question is remembered (its stability in days and difficulty
/// 1–10) after each graded attempt, and the days until it is due again. Whole days only: no
/// learning steps and no fuzz, so a question answered today is next asked on a later day.
///
/// Checked against the reference implementation (PyPI `fsrs`, the fixture written by
/// `Scripts/fsrs-reference`): every interval exactly, stability and difficulty within 1e-6.
public struct FSRS: Sendable, Equatable {
  /// FSRS-6's default parameters w0…w20.
  public static let defaultParameters: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
    1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]
  static let minimumStability = 0.001
  static let difficultyRange = 1.0...10.0

  /// How an attempt went, as FSRS grades it.
  public enum Grade: Int, Sendable, CaseIterable, Codable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4
  }

  /// What FSRS knows about one question after its last attempt.
  public struct Memory: Sendable, Equatable, Codable {
    /// Days until the chance of recall falls to 90%.
    public var stability: Double
    /// 1 (easy to keep) … 10 (hard to keep).
    public var difficulty: Double

    public init(stability: Double, difficulty: Double) {
      self.stability = stability
      self.difficulty = difficulty
    }
  }

  public var parameters: [Double]
  /// The chance of recall an interval aims for when the question comes back.
  public var desiredRetention: Double
  public var maximumInterval: Int

  public init(parameters: [Double] = defaultParameters, desiredRetention: Double = 0.9, maximumInterval: Int = 36500) {
    precondition(parameters.count == 21, "FSRS-6 has 21 parameters")
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
  }

  private var decay: Double { -parameters[20] }
  private var factor: Double { pow(0.9, 1 / decay) - 1 }

  /// The chance of recall `elapsedDays` after the last attempt.
  public func retrievability(elapsedDays: Int, stability: Double) -> Double {
    pow(1 + factor * Double(max(0, elapsedDays)) / stability, decay)
  }

  /// The memory after an attempt graded `grade`, `elapsedDays` whole days after the one before
  /// (`memory` nil: the first attempt).
  public func next(_ memory: Memory?, grade: Grade, elapsedDays: Int) -> Memory {
    guard let memory else {
      return Memory(stability: initialStability(grade), difficulty: clampDifficulty(initialDifficulty(grade)))
    }
    let stability: Double
    if elapsedDays < 1 {
      stability = shortTermStability(memory.stability, grade: grade)
    } else {
      let recall = retrievability(elapsedDays: elapsedDays, stability: memory.stability)
      stability = max(
        grade == .again
          ? forgetStability(memory, retrievability: recall)
          : recallStability(memory, retrievability: recall, grade: grade),
        Self.minimumStability)
    }
    return Memory(stability: stability, difficulty: nextDifficulty(memory.difficulty, grade: grade))
  }

  /// Whole days until the question is due again (at least 1). Halves round to even, as the
  /// reference does.
  public func interval(stability: Double) -> Int {
    let days = stability / factor * (pow(desiredRetention, 1 / decay) - 1)
    return min(max(Int(days.rounded(.toNearestOrEven)), 1), maximumInterval)
  }

  // MARK: - The formulas

  private func initialStability(_ grade: Grade) -> Double {
    max(parameters[grade.rawValue - 1], Self.minimumStability)
  }

  private func initialDifficulty(_ grade: Grade) -> Double {
    parameters[4] - exp(parameters[5] * Double(grade.rawValue - 1)) + 1
  }

  private func clampDifficulty(_ difficulty: Double) -> Double {
    min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
  }

  private func nextDifficulty(_ difficulty: Double, grade: Grade) -> Double {
    let delta = -(parameters[6] * Double(grade.rawValue - 3))
    let damped = difficulty + (10 - difficulty) * delta / 9
    let reverted = parameters[7] * initialDifficulty(.easy) + (1 - parameters[7]) * damped
    return clampDifficulty(reverted)
  }

  /// Another attempt the same day.
  private func shortTermStability(_ stability: Double, grade: Grade) -> Double {
    var increase = exp(parameters[17] * (Double(grade.rawValue) - 3 + parameters[18])) * pow(stability, -parameters[19])
    if grade != .again { increase = max(increase, 1) }
    return max(stability * increase, Self.minimumStability)
  }

  private func forgetStability(_ memory: Memory, retrievability: Double) -> Double {
    let longTerm =
      parameters[11] * pow(memory.difficulty, -parameters[12]) * (pow(memory.stability + 1, parameters[13]) - 1)
      * exp((1 - retrievability) * parameters[14])
    let shortTerm = memory.stability / exp(parameters[17] * parameters[18])
    return min(longTerm, shortTerm)
  }

  private func recallStability(_ memory: Memory, retrievability: Double, grade: Grade) -> Double {
    let hardPenalty = grade == .hard ? parameters[15] : 1
    let easyBonus = grade == .easy ? parameters[16] : 1
    return memory.stability
      * (1 + exp(parameters[8]) * (11 - memory.difficulty) * pow(memory.stability, -parameters[9])
        * (exp((1 - retrievability) * parameters[10]) - 1) * hardPenalty * easyBonus)
  }
}
