using Input = Trajet.Web.Features.Outreach.SavePerson.Input;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Three-way merge of an edit of a person's details, made on a phone that was offline or in a form left open: for each
/// field the edit changed, the value it started from (base), its new value (mine) and what is saved now (theirs). Saved
/// as it was: mine applies; saved as mine already: nothing to do; otherwise both changed it and the user chooses.
/// Fields the edit did not change keep what is saved, whoever saved it.
/// </summary>
public static class PersonEditMerge
{
    /// <summary>One field both sides changed, each differently; values as the API writes them (text, an enum, a list of codes).</summary>
    public sealed record Conflict(string Field, object? Base, object? Mine, object? Theirs);

    /// <param name="Merged">Theirs, with mine in each field where it applies: what to save when there is no conflict.</param>
    /// <param name="Conflicts">When any, nothing is to be saved.</param>
    public sealed record Outcome(Input Merged, IReadOnlyList<Conflict> Conflicts);

    private sealed record Field(string Name, Func<Input, object?> Get, Func<Input, object?, Input> Set, Func<object?, object?, bool> Same)
    {
        public Input Take(Input to, Input from) => Set(to, Get(from));
    }

    private static Field Text(string name, Func<Input, string?> get, Func<Input, string?, Input> set) => new(name, get, (i, v) => set(i, (string?)v), SameText);

    // By their API names.
    private static readonly Field[] All =
    [
        Text("nickname", i => i.Nickname, (i, v) => i with { Nickname = v }),
        Text("firstName", i => i.FirstName, (i, v) => i with { FirstName = v }),
        Text("lastName", i => i.LastName, (i, v) => i with { LastName = v }),
        Text("phone", i => i.Phone, (i, v) => i with { Phone = v }),
        new("gender", i => i.Gender, (i, v) => i with { Gender = (Gender?)v }, Equals),
        new("ageBand", i => i.AgeBand, (i, v) => i with { AgeBand = (AgeBand?)v }, Equals),
        Text("nationality", i => i.Nationality, (i, v) => i with { Nationality = v }),
        new("languages", i => i.Languages, (i, v) => i with { Languages = (IReadOnlyList<string>?)v }, (a, b) => SameSet((IEnumerable<string>?)a, (IEnumerable<string>?)b)),
    ];

    /// <summary>The details an edit may change, by their API names.</summary>
    public static readonly IReadOnlyList<string> Fields = [.. All.Select(f => f.Name)];

    public static Outcome Merge(IReadOnlyCollection<string> changed, Input @base, Input mine, Input theirs)
    {
        var merged = theirs;
        var conflicts = new List<Conflict>();
        foreach (var field in All.Where(f => changed.Contains(f.Name)))
        {
            var (was, wanted, saved) = (field.Get(@base), field.Get(mine), field.Get(theirs));
            if (field.Same(saved, was))
            {
                merged = field.Take(merged, mine);
            }
            else if (!field.Same(saved, wanted))
            {
                conflicts.Add(new(field.Name, was, wanted, saved));
            }
        }
        return new(merged, conflicts);
    }

    /// <summary>The fields among <paramref name="fields"/> whose value in <paramref name="mine"/> is not the one in <paramref name="base"/>.</summary>
    public static IReadOnlyList<string> Changed(IEnumerable<string> fields, Input @base, Input mine) =>
        [.. All.Where(f => fields.Contains(f.Name) && !f.Same(f.Get(@base), f.Get(mine))).Select(f => f.Name)];

    /// <summary>
    /// A form shown again after a conflict: a conflicting field and one the user left alone start from what is saved now
    /// (the latter showing it); a change that merged cleanly keeps its base, so that it still merges on the next save.
    /// </summary>
    public static (Input Base, Input Mine) Rebase(IEnumerable<string> fields, IReadOnlyCollection<string> changed, IReadOnlyList<Conflict> conflicts, Input @base, Input mine, Input theirs)
    {
        foreach (var field in All.Where(f => fields.Contains(f.Name)))
        {
            if (!changed.Contains(field.Name))
            {
                (@base, mine) = (field.Take(@base, theirs), field.Take(mine, theirs));
            }
            else if (conflicts.Any(c => c.Field == field.Name))
            {
                @base = field.Take(@base, theirs);
            }
        }
        return (@base, mine);
    }

    /// <summary><paramref name="to"/> with one field's value (by its API name) taken from <paramref name="from"/>.</summary>
    public static Input Take(string field, Input to, Input from) => Of(field).Take(to, from);

    /// <summary>One field's value (by its API name) in <paramref name="input"/>.</summary>
    public static object? Value(string field, Input input) => Of(field).Get(input);

    /// <summary><paramref name="input"/> with one field (by its API name) set: text, a <see cref="Gender"/>, an <see cref="AgeBand"/> or a list of codes.</summary>
    public static Input With(string field, Input input, object? value) => Of(field).Set(input, value);

    private static Field Of(string field) => All.SingleOrDefault(f => f.Name == field) ?? throw new ArgumentException($"No field {field}.", nameof(field));

    /// <summary>Text compared trimmed, a blank the same as none.</summary>
    public static bool SameText(object? a, object? b) => string.Equals(Trimmed(a as string), Trimmed(b as string), StringComparison.Ordinal);

    /// <summary>Codes compared as a set: order, case, blanks and repeats do not count.</summary>
    public static bool SameSet(IEnumerable<string>? a, IEnumerable<string>? b) => Set(a).SetEquals(Set(b));

    private static string Trimmed(string? text) => text?.Trim() ?? "";

    private static HashSet<string> Set(IEnumerable<string>? codes) =>
        (codes ?? []).Select(Trimmed).Where(c => c.Length > 0).Select(c => c.ToLowerInvariant()).ToHashSet();
}
