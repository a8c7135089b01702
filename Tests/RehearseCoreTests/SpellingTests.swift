import RehearseCore
import Testing

@Suite("Did you mean")
struct SpellingTests {
  @Test("a swapped pair of letters is one edit")
  func transposition() {
    #expect(Spelling.editDistance("frist", "first") == 1)
    #expect(Spelling.editDistance("kitten", "sitting") == 3)
    #expect(Spelling.editDistance("", "abc") == 3)
  }

  @Test("suggests close words, not distant ones")
  func suggestions() {
    #expect(Spelling.closest(to: "frist", in: ["first", "second", "final"]) == "first")
    #expect(Spelling.closest(to: "answer_secs", in: ["answer_seconds", "think_seconds"]) == "answer_seconds")
    #expect(Spelling.closest(to: "banana", in: ["first", "second", "final"]) == nil)
    #expect(Spelling.closest(to: "kiso", in: ["kiso-consulting"], acceptPrefix: true) == "kiso-consulting")
  }
}
