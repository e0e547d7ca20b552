using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Outreach;

namespace Trajet.Tests.Features.Outreach;

public sealed class PersonEditMergeTests
{
    private static readonly SavePerson.Input Saved = new()
    {
        Nickname = "Abdi",
        FirstName = "Abdi",
        LastName = null,
        Phone = "0470 11 22 33",
        Gender = Gender.Male,
        AgeBand = AgeBand.From18To25,
        Nationality = "SO",
        Languages = ["so", "ar"],
    };

    [Fact]
    public void Merge_WhenWhatIsSavedIsStillTheBase_AppliesMine()
    {
        var merge = PersonEditMerge.Merge(["phone"], new() { Phone = "0470 11 22 33" }, new() { Phone = "0480 99 88 77" }, Saved);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(Saved with { Phone = "0480 99 88 77" }, merge.Merged);
    }

    [Fact]
    public void Merge_WhenWhatIsSavedIsAlreadyMine_HasNothingToDo()
    {
        var merge = PersonEditMerge.Merge(["phone"], new() { Phone = "0460 00 00 00" }, new() { Phone = "0470 11 22 33" }, Saved);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(Saved, merge.Merged);
    }

    [Fact]
    public void Merge_WhenWhatIsSavedIsNeitherBaseNorMine_IsAConflictWithTheThreeValues()
    {
        var merge = PersonEditMerge.Merge(["phone", "lastName"], new() { Phone = "0460 00 00 00" }, new() { Phone = "0480 99 88 77", LastName = "Hassan" }, Saved);

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(new PersonEditMerge.Conflict("phone", "0460 00 00 00", "0480 99 88 77", "0470 11 22 33"), conflict);
        Assert.Equal("Hassan", merge.Merged.LastName);
    }

    [Fact]
    public void Merge_NeverTouchesAFieldTheEditDidNotChange()
    {
        // The form sends every field; only those named as changed count, whatever the others hold.
        var stale = new SavePerson.Input { Nickname = "Old", Phone = "0400 00 00 00", Gender = Gender.Female, Languages = [] };

        var merge = PersonEditMerge.Merge(["lastName"], stale, stale with { LastName = "Hassan" }, Saved);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(Saved with { LastName = "Hassan" }, merge.Merged);
    }

    [Theory]
    [InlineData(" 0470 11 22 33 ", "0470 11 22 33", true)]
    [InlineData(null, "", true)]
    [InlineData("", null, true)]
    [InlineData("  ", null, true)]
    [InlineData("0470 11 22 33", "0470 11 22 34", false)]
    [InlineData("abdi", "Abdi", false)]
    public void Merge_ComparesTextTrimmed_WithABlankTheSameAsNone(string? @base, string? saved, bool applies)
    {
        var merge = PersonEditMerge.Merge(["firstName"], new() { FirstName = @base }, new() { FirstName = "Abdirahman" }, Saved with { FirstName = saved });

        Assert.Equal(applies, merge.Conflicts.Count == 0);
        Assert.Equal(applies ? "Abdirahman" : saved, merge.Merged.FirstName);
    }

    [Fact]
    public void Merge_ComparesLanguagesAsASet()
    {
        var applies = PersonEditMerge.Merge(["languages"], new() { Languages = ["ar", " so", "ar"] }, new() { Languages = ["so", "ar", "fr"] }, Saved);
        var alreadyThere = PersonEditMerge.Merge(["languages"], new() { Languages = [] }, new() { Languages = ["AR", "so"] }, Saved);
        var conflict = PersonEditMerge.Merge(["languages"], new() { Languages = ["so"] }, new() { Languages = ["so", "fr"] }, Saved);

        Assert.Equal(new[] { "so", "ar", "fr" }, applies.Merged.Languages);
        Assert.Empty(alreadyThere.Conflicts);
        Assert.Equal(Saved.Languages, alreadyThere.Merged.Languages);
        Assert.Equal("languages", Assert.Single(conflict.Conflicts).Field);
    }

    [Fact]
    public void Merge_ComparesEnumsByValue()
    {
        var applies = PersonEditMerge.Merge(["gender", "ageBand"], new() { Gender = Gender.Male, AgeBand = AgeBand.From18To25 },
            new() { Gender = Gender.Other, AgeBand = AgeBand.From26To35 }, Saved);
        var conflict = PersonEditMerge.Merge(["gender"], new() { Gender = Gender.Female }, new() { Gender = Gender.Other }, Saved);

        Assert.Equal((Gender.Other, AgeBand.From26To35), (applies.Merged.Gender, applies.Merged.AgeBand));
        Assert.Equal(new PersonEditMerge.Conflict("gender", Gender.Female, Gender.Other, Gender.Male), Assert.Single(conflict.Conflicts));
    }

    [Fact]
    public void Changed_NamesTheFieldsWhoseValueDiffers_AmongThoseGiven()
    {
        var @base = new SavePerson.Input { Nickname = "Abdi", Phone = "0470", FirstName = null, LastName = "Hassan", Gender = Gender.Male };
        var mine = @base with { Nickname = " Abdi ", Phone = "0480", FirstName = "", LastName = "Hasan", Gender = Gender.Female };

        Assert.Equal(new[] { "lastName", "phone" }, PersonEditMerge.Changed(["nickname", "phone", "firstName", "lastName"], @base, mine).Order());
    }

    [Fact]
    public void Rebase_StartsConflictsAndUntouchedFieldsFromWhatIsSaved_AndKeepsACleanChangeOnItsBase()
    {
        string[] fields = ["nickname", "phone", "firstName", "lastName"];
        var @base = new SavePerson.Input { Nickname = "Abdi", Phone = "0460", FirstName = null, LastName = null };
        var mine = @base with { Phone = "0480", FirstName = "Abdirahman" };
        var saved = Saved with { Nickname = "Abdi S.", FirstName = null, LastName = "Hassan" };
        var changed = PersonEditMerge.Changed(fields, @base, mine);
        var merge = PersonEditMerge.Merge(changed, @base, mine, saved);

        var (newBase, newMine) = PersonEditMerge.Rebase(fields, changed, merge.Conflicts, @base, mine, saved);

        Assert.Equal(("Abdi S.", "0470 11 22 33", null, "Hassan"), (newBase.Nickname, newBase.Phone, newBase.FirstName, newBase.LastName));
        Assert.Equal(("Abdi S.", "0480", "Abdirahman", "Hassan"), (newMine.Nickname, newMine.Phone, newMine.FirstName, newMine.LastName));
        // Keeping "mine" for the phone, the next save merges cleanly.
        var again = PersonEditMerge.Merge(PersonEditMerge.Changed(fields, newBase, newMine), newBase, newMine, saved);
        Assert.Empty(again.Conflicts);
        Assert.Equal(saved with { Phone = "0480", FirstName = "Abdirahman" }, again.Merged);
    }
}
