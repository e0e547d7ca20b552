using System.Text.Json;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Changes some of a person's details without overwriting what someone else saved meanwhile: the API's PATCH and the
/// person page's form send what they started from with what they change, and <see cref="PersonEditMerge"/> decides.
/// </summary>
public static class EditPerson
{
    public const string UnknownField = "Unknown field.";
    public const string BaseRequired = "Send the value this change started from (base).";

    /// <summary>The API's body: <c>{ "version": 3, "base": { "phone": "…" }, "changes": { "phone": "…" } }</c>, fields by their API names.</summary>
    public sealed record Input
    {
        /// <summary>The person's version the device saw; informational (the merge goes by <see cref="Base"/>).</summary>
        public int? Version { get; init; }
        public Dictionary<string, JsonElement>? Base { get; init; }
        public Dictionary<string, JsonElement>? Changes { get; init; }
    }

    /// <summary>The fields changed (API names), the values they started from, and their new values.</summary>
    public sealed record Edit(IReadOnlyList<string> Changed, SavePerson.Input Base, SavePerson.Input Mine);

    /// <summary>The person as saved when <see cref="Conflicts"/> is empty; otherwise as saved by someone else, and nothing saved.</summary>
    public sealed record Outcome(OutreachPerson Person, IReadOnlyList<PersonEditMerge.Conflict> Conflicts);

    /// <summary>The API's body as an edit: a field unknown, without its base, or with a value SavePerson refuses is a 400 naming it.</summary>
    public static Result<Edit> Read(Input input)
    {
        var errors = new List<FieldError>();
        var changes = input.Changes ?? [];
        var bases = input.Base ?? [];
        if (changes.Count == 0)
        {
            errors.Add(new("changes", "Send at least one field to change."));
        }
        errors.AddRange(changes.Keys.Where(k => !PersonEditMerge.Fields.Contains(k)).Select(k => new FieldError($"changes.{k}", UnknownField)));
        errors.AddRange(bases.Keys.Where(k => !PersonEditMerge.Fields.Contains(k)).Select(k => new FieldError($"base.{k}", UnknownField)));
        var (from, mine) = (new SavePerson.Input(), new SavePerson.Input());
        foreach (var (field, value) in changes.Where(c => PersonEditMerge.Fields.Contains(c.Key)))
        {
            mine = ReadValue(mine, field, value, $"changes.{field}", errors);
            if (bases.TryGetValue(field, out var was))
            {
                from = ReadValue(from, field, was, $"base.{field}", errors);
            }
            else
            {
                errors.Add(new($"base.{field}", BaseRequired));
            }
        }
        var edit = new Edit([.. changes.Keys.Where(PersonEditMerge.Fields.Contains)], from, mine);
        errors.AddRange(Validate(edit).Select(e => e with { Field = $"changes.{e.Field}" }));
        return errors.Count > 0 ? Failure.Invalid(errors) : edit;
    }

    /// <summary>The new values, checked as <see cref="SavePerson"/> checks them; only the fields changed count.</summary>
    public static List<FieldError> Validate(Edit edit)
    {
        var errors = SavePerson.Validate(edit.Mine).Where(e => edit.Changed.Contains(e.Field)).ToList();
        if (edit.Changed.Contains("nationality") && LogContact.Blank(edit.Mine.Nationality) is null)
        {
            errors.Add(new("nationality", SavePerson.UnknownNationality));
        }
        return errors;
    }

    /// <summary>
    /// Merges the edit with what is saved and, without conflict, saves it. Someone saving between the read and the write
    /// (the version, a concurrency token, moved) gets the person read again and merged once more.
    /// </summary>
    public static async Task<Result<Outcome>> ExecuteAsync(TrajetDbContext db, OutreachPerson person, Edit edit, CancellationToken ct)
    {
        if (Validate(edit) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }
        for (var attempt = 1; ; attempt++)
        {
            var merge = PersonEditMerge.Merge(edit.Changed, edit.Base, edit.Mine, SavePerson.From(person));
            if (merge.Conflicts.Count > 0)
            {
                return new Outcome(person, merge.Conflicts);
            }
            if (SavePerson.Apply(person, merge.Merged).Failed is { } invalid)
            {
                return invalid;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return new Outcome(person, []);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                await db.Entry(person).ReloadAsync(ct);
            }
        }
    }

    private static SavePerson.Input ReadValue(SavePerson.Input into, string field, JsonElement json, string path, List<FieldError> errors)
    {
        var value = ValueOf(field, json);
        if (!ReferenceEquals(value, NotRead))
        {
            return PersonEditMerge.With(field, into, value);
        }
        errors.Add(field is "gender" or "ageBand" ? FieldError.NotAccepted(path) : new(path, "The value is not valid."));
        return into;
    }

    private static readonly object NotRead = new();

    // A field's JSON value as SavePerson.Input holds it; NotRead for a value of the wrong type or not accepted.
    private static object? ValueOf(string field, JsonElement json) => (field, json.ValueKind) switch
    {
        ("gender", JsonValueKind.String) when KebabEnum.TryParse<Gender>(json.GetString(), out var gender) => gender,
        ("ageBand", JsonValueKind.String) when KebabEnum.TryParse<AgeBand>(json.GetString(), out var band) => band,
        ("gender" or "ageBand", _) => NotRead,
        ("languages", JsonValueKind.Null) => Array.Empty<string>(),
        ("languages", JsonValueKind.Array) when json.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => json.EnumerateArray().Select(v => v.GetString()!).ToList(),
        ("languages", _) => NotRead,
        (_, JsonValueKind.String or JsonValueKind.Null) => json.GetString(),
        _ => NotRead,
    };
}
