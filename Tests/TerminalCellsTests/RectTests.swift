import TerminalCells
import Testing

@Suite("Render: rectangles")
struct RenderRectTests {
    @Test func sizesNeverGoNegative() {
        let r = Rect(x: 2, y: 3, width: -5, height: -1)
        #expect(r.width == 0 && r.height == 0 && r.isEmpty)
        #expect(Rect(width: 1, height: 1).isEmpty == false)
        #expect(Rect(x: 1, y: 1, width: 4, height: 2).inset(by: 3).isEmpty)
        #expect(Rect(x: 1, y: 1, width: 4, height: 2).inset(top: 5).height == 0)
    }

    @Test func edgesAndContainment() {
        let r = Rect(x: 2, y: 1, width: 3, height: 2)
        #expect(r.maxX == 5 && r.maxY == 3)
        #expect(r.contains(x: 2, y: 1) && r.contains(x: 4, y: 2))
        #expect(!r.contains(x: 5, y: 1) && !r.contains(x: 2, y: 3) && !r.contains(x: 1, y: 1))
    }

    @Test func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 8, y: 3, width: 5, height: 5)) == Rect(x: 8, y: 3, width: 2, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
    }

    @Test func insetPerSide() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.inset(top: 1, left: 2, bottom: 3, right: 4) == Rect(x: 2, y: 1, width: 74, height: 20))
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
    }

    @Test func splits() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let (header, body) = r.splitTop(3)
        #expect(header == Rect(x: 0, y: 0, width: 80, height: 3))
        #expect(body == Rect(x: 0, y: 3, width: 80, height: 21))
        let (main, status) = body.splitBottom(1)
        #expect(main == Rect(x: 0, y: 3, width: 80, height: 20))
        #expect(status == Rect(x: 0, y: 23, width: 80, height: 1))
        let (left, rest) = r.splitLeft(100)
        #expect(left.width == 80 && rest.width == 0 && rest.x == 80)
        let (_, right) = r.splitRight(10)
        #expect(right == Rect(x: 70, y: 0, width: 10, height: 24))
        #expect(r.splitTop(-2).top.height == 0)
    }

    @Test func rowsAndColumns() {
        let r = Rect(x: 1, y: 2, width: 10, height: 3)
        #expect(r.row(0) == Rect(x: 1, y: 2, width: 10, height: 1))
        #expect(r.row(2) == Rect(x: 1, y: 4, width: 10, height: 1))
        #expect(r.row(3).isEmpty && r.row(-1).isEmpty)
        let columns = r.columns([3, 4, 5], spacing: 1)
        #expect(
            columns == [
                Rect(x: 1, y: 2, width: 3, height: 3),
                Rect(x: 5, y: 2, width: 4, height: 3),
                Rect(x: 10, y: 2, width: 1, height: 3),  // clipped at the edge
            ])
        #expect(r.columns([20, 5]).map(\.width) == [10, 0])
        #expect(r.rows([1, 1, 5]).map(\.height) == [1, 1, 1])
    }
}
