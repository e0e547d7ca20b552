using Trajet.Web.Features.Reports;

namespace Trajet.Tests.Features.Reports;

public sealed class SmallCellsTests
{
    private static Dictionary<string, int> Row(params int[] counts) =>
        counts.Select((c, i) => (c, i)).ToDictionary(x => $"a{x.i}", x => x.c);

    private static SmallCells.Sum Sum(IEnumerable<string> parts, params string[] totals) => new([.. parts], totals);

    private static Dictionary<string, int?> Shown(Dictionary<string, int> cells, HashSet<string> hidden) =>
        cells.ToDictionary(c => c.Key, c => hidden.Contains(c.Key) ? null : (int?)c.Value);

    private static Recompute.Sum Check(SmallCells.Sum sum) => new(sum.Parts, sum.Totals);

    [Fact]
    public void OneSmallCountInARow_HidesTheNextSmallestToo()
    {
        var cells = Row(7, 3, 2, 0, 0);
        cells["sheets"] = 12;

        var hidden = SmallCells.Hide(cells, [Sum(["a0", "a1", "a2", "a3", "a4"], "sheets")], 3);

        Assert.Equal(["a1", "a2"], hidden.Order());
    }

    [Fact]
    public void TwoSmallCountsInARow_HideNothingMore()
    {
        var cells = Row(0, 1, 2, 6, 3, 0);
        cells["sheets"] = 12;

        var hidden = SmallCells.Hide(cells, [Sum(cells.Keys.Where(k => k != "sheets"), "sheets")], 3);

        Assert.Equal(["a1", "a2"], hidden.Order());
    }

    [Fact]
    public void TwoHiddenOnesInARow_HideOneMore_ForZerosAreShown()
    {
        var cells = Row(1, 1, 0, 5, 5);
        cells["sheets"] = 12;
        var sums = new[] { Sum(["a0", "a1", "a2", "a3", "a4"], "sheets") };

        var hidden = SmallCells.Hide(cells, sums, 3);

        Assert.Equal(["a0", "a1", "a3"], hidden.Order());
        Assert.Empty(Recompute.Recoverable(Shown(cells, hidden), sums.Select(Check), hiddenAtLeast: 1));
    }

    [Fact]
    public void ARowOfZerosAndOneSmallCount_HidesAZero_AndTheCountCannotBeWorkedOut()
    {
        var cells = Row(0, 0, 1, 0);
        cells["sheets"] = 1;
        var sums = new[] { Sum(["a0", "a1", "a2", "a3"], "sheets") };

        var hidden = SmallCells.Hide(cells, sums, 3);

        Assert.Contains("sheets", hidden); // 1 is small itself
        Assert.Empty(Recompute.Recoverable(Shown(cells, hidden), sums.Select(Check)));
    }

    [Fact]
    public void ATotalHiddenByItsOwnRow_SpreadsToTheRowsItIsAPartOf()
    {
        // Families 2 of 9 cases; the families' statuses add up to the cases too.
        var cells = new Dictionary<string, int> { ["families"] = 2, ["individuals"] = 7, ["cases"] = 9, ["engaged"] = 5, ["resolved"] = 4 };
        var sums = new[] { Sum(["families", "individuals"], "cases"), Sum(["engaged", "resolved"], "cases") };

        var hidden = SmallCells.Hide(cells, sums, 3);

        Assert.Equal(["families", "individuals"], hidden.Order());
        Assert.Empty(Recompute.Recoverable(Shown(cells, hidden), sums.Select(Check)));
    }

    [Fact]
    public void ManyRandomTables_LeaveNoHiddenCountToWorkOut()
    {
        var random = new Random(20261206);
        for (var table = 0; table < 500; table++)
        {
            // A report's shape: rows over one total, a breakdown of a part, and a part broken down twice.
            var cells = new Dictionary<string, int>();
            var sums = new List<SmallCells.Sum>();
            var total = random.Next(1, 30);
            cells["total"] = total;
            for (var row = 0; row < 4; row++)
            {
                var parts = Split(random, total, random.Next(2, 7)).Select((c, i) => (Key: $"r{row}c{i}", c)).ToList();
                parts.ForEach(p => cells[p.Key] = p.c);
                sums.Add(Sum(parts.Select(p => p.Key), "total"));
            }
            foreach (var breakdown in new[] { "x", "y" })
            {
                var parts = Split(random, cells["r0c0"], random.Next(2, 5)).Select((c, i) => (Key: $"{breakdown}{i}", c)).ToList();
                parts.ForEach(p => cells[p.Key] = p.c);
                sums.Add(Sum(parts.Select(p => p.Key), "r0c0"));
            }

            var hidden = SmallCells.Hide(cells, sums, 3);

            Assert.All(cells.Where(c => c.Value is > 0 and < 3), c => Assert.Contains(c.Key, hidden));
            var shown = string.Join(" ", cells.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}{(hidden.Contains(c.Key) ? "*" : "")}"));
            Assert.True(Recompute.Recoverable(Shown(cells, hidden), sums.Select(Check)).Count == 0, shown);
            // A reader who knows that zeros are shown takes every hidden count as at least 1 (unless a zero had to be hidden).
            var atLeast = hidden.Any(k => cells[k] == 0) ? 0 : 1;
            Assert.True(Recompute.Recoverable(Shown(cells, hidden), sums.Select(Check), atLeast).Count == 0, shown);
        }
    }

    private static List<int> Split(Random random, int total, int parts)
    {
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(0, total + 1)).Order().ToList();
        return [.. cuts.Append(total).Select((c, i) => c - (i == 0 ? 0 : cuts[i - 1]))];
    }
}
