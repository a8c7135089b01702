import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

/// FSRS-6 against the reference implementation (PyPI `fsrs`, `Scripts/fsrs-reference`).
@Suite("FSRS scheduling")
struct FSRSTests {
  struct Reference: Decodable {
    struct Sequence: Decodable { var reviews: [Review] }
    struct Review: Decodable {
      var grade: Int
      var elapsedDays: Int?
      var stability: Double
      var difficulty: Double
      var interval: Int
    }
    var fsrs: String
    var parameters: [Double]
    var desiredRetention: Double
    var sequences: [Sequence]
  }

  static func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/FSRS/reference.json")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Reference.self, from: Data(contentsOf: url))
  }

  @Test("every interval exactly and stability and difficulty within 1e-6 over 200+ reference sequences")
  func matchesReference() throws {
    let reference = try Self.reference()
    #expect(reference.sequences.count >= 200)
    #expect(reference.parameters == FSRS.defaultParameters, "the fixture used FSRS-6's defaults")
    let fsrs = FSRS(desiredRetention: reference.desiredRetention)
    var checked = 0
    for (number, sequence) in reference.sequences.enumerated() {
      var memory: FSRS.Memory?
      for (index, review) in sequence.reviews.enumerated() {
        let grade = try #require(FSRS.Grade(rawValue: review.grade))
        let next = fsrs.next(memory, grade: grade, elapsedDays: review.elapsedDays ?? 0)
        #expect(abs(next.stability - review.stability) < 1e-6, "sequence \(number) review \(index): stability")
        #expect(abs(next.difficulty - review.difficulty) < 1e-6, "sequence \(number) review \(index): difficulty")
        #expect(fsrs.interval(stability: next.stability) == review.interval, "sequence \(number) review \(index)")
        memory = next
        checked += 1
      }
    }
    #expect(checked >= 1000)
  }

  @Test("intervals grow after good answers and shrink after a forgotten one")
  func behaviour() {
    let fsrs = FSRS()
    var memory = fsrs.next(nil, grade: .good, elapsedDays: 0)
    var intervals = [fsrs.interval(stability: memory.stability)]
    for _ in 0..<3 {
      memory = fsrs.next(memory, grade: .good, elapsedDays: intervals.last!)
      intervals.append(fsrs.interval(stability: memory.stability))
    }
    #expect(intervals == intervals.sorted() && Set(intervals).count == intervals.count, "\(intervals)")
    let forgotten = fsrs.next(memory, grade: .again, elapsedDays: intervals.last!)
    #expect(fsrs.interval(stability: forgotten.stability) < intervals.last!)
    #expect(forgotten.difficulty > memory.difficulty)
    #expect(
      fsrs.next(nil, grade: .easy, elapsedDays: 0).stability > fsrs.next(nil, grade: .hard, elapsedDays: 0).stability)
    #expect(fsrs.retrievability(elapsedDays: 0, stability: 5) == 1)
    #expect(abs(fsrs.retrievability(elapsedDays: 5, stability: 5) - 0.9) < 1e-9, "stability is the 90% point")
  }
}
